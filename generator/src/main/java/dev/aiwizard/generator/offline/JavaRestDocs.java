package dev.aiwizard.generator.offline;

import dev.aiwizard.core.spec.Operation;
import dev.aiwizard.core.spec.Spec;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Set;

/** The prose parts of the README and API docs that depend on the spec. */
final class JavaRestDocs {
    private JavaRestDocs() {
    }

    /** "create, read, list, update and delete records of each entity". */
    static String operationsSentence(Spec spec) {
        List<String> ops = spec.orderedOperations().stream().map(o -> o.name().toLowerCase(Locale.ROOT)).toList();
        String list = ops.size() == 1 ? ops.getFirst()
                : String.join(", ", ops.subList(0, ops.size() - 1)) + " and " + ops.getLast();
        return list + " records of each entity";
    }

    /** curl commands that try the first entity's endpoints. */
    static String curl(EntityModel e, Set<String> flags, List<String> sampleMembers) {
        String base = "http://localhost:8080/" + e.path();
        List<String> lines = new ArrayList<>();
        if (flags.contains(Operation.CREATE.name().toLowerCase(Locale.ROOT))) {
            lines.add("curl -i -X POST " + base + " -H 'Content-Type: application/json' -d '{"
                    + String.join(", ", sampleMembers) + "}'");
        }
        if (flags.contains("list")) {
            lines.add("curl -i " + base);
        }
        if (flags.contains("read")) {
            lines.add("curl -i " + base + "/1");
        }
        if (lines.isEmpty()) {
            lines.add("curl -i -X DELETE " + base + "/1");
        }
        return String.join("\n", lines);
    }

    /** The 400 body for an empty object sent as the first entity. */
    static String errorExample(EntityModel e) {
        String detail = e.fields().isEmpty() ? "the request body is not valid JSON" : "'" + e.fields().getFirst().json() + "' is required";
        return "{\"error\": \"invalid " + e.words() + "\", \"details\": [\"" + detail + "\"]}";
    }
}
