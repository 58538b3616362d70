package dev.aiwizard.app.deploy;

import com.marcnuri.helm.Helm;
import com.marcnuri.helm.TemplateCommand;
import io.fabric8.kubernetes.api.model.ConfigMap;
import io.fabric8.kubernetes.api.model.HasMetadata;
import io.fabric8.kubernetes.api.model.PodTemplateSpec;
import io.fabric8.kubernetes.api.model.apps.Deployment;
import io.fabric8.kubernetes.api.model.apps.StatefulSet;
import io.fabric8.kubernetes.client.utils.Serialization;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * The chart as {@code helm template} renders it with some values set, its Kubernetes objects read into fabric8's
 * model. helm-java runs the real helm (bundled as a native library), so this is what {@code helm install} would send.
 */
record RenderedChart(String yaml, List<HasMetadata> objects) {
    /** The release name the renders use; object names start with it. */
    static final String RELEASE = "wizard";

    static RenderedChart render(Path chart, Map<String, String> values) {
        TemplateCommand template = new Helm(chart).template().withName(RELEASE).withNamespace("ai-wizard");
        values.forEach(template::set);
        String yaml = template.call();
        List<HasMetadata> objects = new ArrayList<>();
        for (String document : yaml.split("(?m)^---$")) {
            if (document.lines().anyMatch(l -> !l.isBlank() && !l.startsWith("#"))) {
                objects.add(Serialization.unmarshal(document));
            }
        }
        return new RenderedChart(yaml, List.copyOf(objects));
    }

    <T extends HasMetadata> List<T> all(Class<T> kind) {
        return objects.stream().filter(kind::isInstance).map(kind::cast).toList();
    }

    <T extends HasMetadata> Optional<T> find(Class<T> kind) {
        List<T> found = all(kind);
        if (found.size() > 1) {
            throw new AssertionError("more than one " + kind.getSimpleName() + ": " + found);
        }
        return found.stream().findFirst();
    }

    <T extends HasMetadata> T one(Class<T> kind) {
        return find(kind).orElseThrow(() -> new AssertionError("no " + kind.getSimpleName() + " rendered"));
    }

    /** The ConfigMap's data: the environment every bot pod starts with (besides the Secret's). */
    Map<String, String> config() {
        return one(ConfigMap.class).getData();
    }

    /** Every pod template with the workload it belongs to: the Deployment's and, with Discord, the StatefulSet's. */
    Map<String, PodTemplateSpec> podTemplates() {
        Map<String, PodTemplateSpec> out = new LinkedHashMap<>();
        all(Deployment.class).forEach(d -> out.put("Deployment " + name(d), d.getSpec().getTemplate()));
        all(StatefulSet.class).forEach(s -> out.put("StatefulSet " + name(s), s.getSpec().getTemplate()));
        return out;
    }

    static String name(HasMetadata object) {
        return object.getMetadata().getName();
    }
}
