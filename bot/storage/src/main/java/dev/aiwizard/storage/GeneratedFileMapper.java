package dev.aiwizard.storage;

import dev.aiwizard.core.job.GeneratedFile;
import io.helidon.dbclient.DbMapper;
import io.helidon.dbclient.DbRow;
import java.util.List;
import java.util.Map;

/** A generated file as a row of {@code job_files}; the job it belongs to is added by the store. */
final class GeneratedFileMapper implements DbMapper<GeneratedFile> {

    @Override
    public GeneratedFile read(DbRow row) {
        return new GeneratedFile(Columns.string(row, "path"), Columns.string(row, "content"));
    }

    @Override
    public Map<String, ?> toNamedParameters(GeneratedFile f) {
        return Map.of("path", f.path(), "content", f.content(), "size", f.size());
    }

    @Override
    public List<?> toIndexedParameters(GeneratedFile f) {
        throw new UnsupportedOperationException("file statements use named parameters");
    }
}
