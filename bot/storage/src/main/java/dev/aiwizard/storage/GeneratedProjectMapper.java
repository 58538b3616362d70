package dev.aiwizard.storage;

import dev.aiwizard.core.job.GeneratedFile;
import dev.aiwizard.core.job.GeneratedProject;
import dev.aiwizard.core.job.ModelUsage;
import io.helidon.dbclient.DbMapper;
import io.helidon.dbclient.DbRow;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/**
 * A generated project as a row of {@code generation_cache}; the files and notes are JSON lists, so they keep their
 * order. The key and the time it was cached are added by the store.
 */
final class GeneratedProjectMapper implements DbMapper<GeneratedProject> {
    private final ModelUsageMapper usage = new ModelUsageMapper();

    @Override
    public GeneratedProject read(DbRow row) {
        return new GeneratedProject(
                List.of(Json.read(Columns.string(row, "files"), GeneratedFile[].class)),
                Columns.string(row, "test_command"),
                Columns.string(row, "engine"),
                List.of(Json.read(Columns.string(row, "notes"), String[].class)),
                usage.read(row));
    }

    @Override
    public Map<String, ?> toNamedParameters(GeneratedProject p) {
        Map<String, Object> params = new HashMap<>(usage.toNamedParameters(p.usage()));
        params.put("files", Json.write(p.files()));
        params.put("notes", Json.write(p.notes()));
        params.put("test_command", p.testCommand());
        params.put("engine", p.engine());
        return params;
    }

    @Override
    public List<?> toIndexedParameters(GeneratedProject p) {
        throw new UnsupportedOperationException("cache statements use named parameters");
    }
}
