package dev.aiwizard.generator.offline;

import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Properties;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.function.Function;

/** The template files and code snippets of one stack, read from the class path once and kept. */
final class Templates {
    private final String folder;
    private final Map<String, String> cache = new ConcurrentHashMap<>();
    private final Properties snippets = new Properties();

    Templates(String stackId) {
        this.folder = stackId + "/";
        try (InputStream in = open("snippets.properties")) {
            snippets.load(new InputStreamReader(in, StandardCharsets.UTF_8));
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** {@code name} rendered with {@code values} and {@code flags}. */
    String render(String name, Map<String, String> values, Set<String> flags) {
        return TemplateRenderer.render(cache.computeIfAbsent(name, this::read), values, flags);
    }

    /** The snippet {@code key} rendered with {@code values}. */
    String snippet(String key, Map<String, String> values) {
        String text = snippets.getProperty(key);
        if (text == null) {
            throw new IllegalStateException("no snippet " + key + " in " + folder + "snippets.properties");
        }
        return TemplateRenderer.render(text, values, Set.of());
    }

    private String read(String name) {
        try (InputStream in = open(name)) {
            return new String(in.readAllBytes(), StandardCharsets.UTF_8);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private InputStream open(String name) {
        InputStream in = Templates.class.getResourceAsStream(folder + name);
        if (in == null) {
            throw new IllegalStateException("missing template " + folder + name);
        }
        return in;
    }

    /** A planned file whose content is {@code template} rendered with {@code values} when it is needed. */
    PlannedFile file(String path, String template, Map<String, String> values, Set<String> flags) {
        return new PlannedFile(path, () -> render(template, values, flags));
    }

    /** {@code docs/api.md}: the stack's {@code api.md.tmpl} around one {@code api-entity.md.tmpl} section per entity. */
    String apiDoc(Map<String, String> project, List<EntityModel> entities, Function<EntityModel, Set<String>> entityFlags,
                  Function<EntityModel, Map<String, String>> entityDoc) {
        List<String> sections = new ArrayList<>();
        Set<String> flags = new java.util.HashSet<>();
        for (EntityModel e : entities) {
            Set<String> these = entityFlags.apply(e);
            sections.add(render("api-entity.md.tmpl", TemplateFlags.merge(project, entityDoc.apply(e)), these).strip());
            flags.addAll(these);
        }
        Map<String, String> values = new HashMap<>(project);
        values.put("entitySections", String.join("\n\n", sections));
        return render("api.md.tmpl", values, flags).strip() + "\n";
    }
}
