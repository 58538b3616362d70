package dev.aiwizard.storage;

import dev.aiwizard.core.job.ModelUsage;
import io.helidon.dbclient.DbMapper;
import io.helidon.dbclient.DbRow;
import java.util.List;
import java.util.Map;

/** Model usage as the {@code calls}, {@code input_tokens} and {@code output_tokens} columns of a row or a sum. */
final class ModelUsageMapper implements DbMapper<ModelUsage> {

    @Override
    public ModelUsage read(DbRow row) {
        return new ModelUsage(Math.toIntExact(Columns.number(row, "calls")), Columns.number(row, "input_tokens"),
                Columns.number(row, "output_tokens"));
    }

    @Override
    public Map<String, ?> toNamedParameters(ModelUsage u) {
        return Map.of("calls", u.calls(), "input_tokens", u.inputTokens(), "output_tokens", u.outputTokens());
    }

    @Override
    public List<?> toIndexedParameters(ModelUsage u) {
        throw new UnsupportedOperationException("usage statements use named parameters");
    }
}
