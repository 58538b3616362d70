package dev.aiwizard.core.spec;

import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Set;
import java.util.function.Function;
import java.util.stream.Collectors;

/** What changed between two specs, in words a reviewer reads in a pull request comment. */
public final class SpecChanges {
    private SpecChanges() {
    }

    /** The changes from {@code before} to {@code after}, one short sentence each; empty when nothing changed. */
    public static List<String> describe(Spec before, Spec after) {
        List<String> changes = new ArrayList<>();
        scalar(changes, "name", before.name(), after.name());
        scalar(changes, "purpose", before.purpose(), after.purpose());
        scalar(changes, "stack", before.stack(), after.stack());
        scalar(changes, "persistence", before.persistence(), after.persistence());
        Map<String, Entity> old = byName(before.entities());
        Map<String, Entity> now = byName(after.entities());
        for (Entity e : after.entities()) {
            Entity was = old.get(e.name());
            if (was == null) {
                changes.add("added " + (e.readOnly() ? "read-only " : "") + "entity " + e.name() + " (" + fields(e.fields()) + ")");
                continue;
            }
            if (was.readOnly() != e.readOnly()) {
                changes.add(e.readOnly() ? "made " + e.name() + " read-only" : e.name() + " can be changed again");
            }
            Set<String> oldFields = was.fields().stream().map(Field::name).collect(Collectors.toSet());
            Set<String> newFields = e.fields().stream().map(Field::name).collect(Collectors.toSet());
            List<Field> added = e.fields().stream().filter(f -> !oldFields.contains(f.name())).toList();
            List<String> removed = was.fields().stream().map(Field::name).filter(f -> !newFields.contains(f)).toList();
            List<String> retyped = new ArrayList<>();
            for (Field f : e.fields()) {
                was.fields().stream().filter(o -> o.name().equals(f.name()) && !o.equals(f)).findFirst()
                        .ifPresent(o -> retyped.add(fieldChange(o, f)));
            }
            if (!added.isEmpty()) {
                changes.add("added to " + e.name() + ": " + fields(added));
            }
            if (!removed.isEmpty()) {
                changes.add("removed from " + e.name() + ": " + String.join(", ", removed));
            }
            if (!retyped.isEmpty()) {
                changes.add("in " + e.name() + ", " + String.join(", ", retyped));
            }
        }
        before.entities().stream().filter(e -> !now.containsKey(e.name()))
                .forEach(e -> changes.add("removed entity " + e.name()));
        Set<Operation> addedOps = new LinkedHashSet<>(after.orderedOperations());
        addedOps.removeAll(before.operations());
        Set<Operation> removedOps = new LinkedHashSet<>(before.orderedOperations());
        removedOps.removeAll(after.operations());
        if (!addedOps.isEmpty()) {
            changes.add("added operations " + ops(addedOps));
        }
        if (!removedOps.isEmpty()) {
            changes.add("removed operations " + ops(removedOps));
        }
        return List.copyOf(changes);
    }

    /** "email is now read-only", "price is now decimal", "code can be changed again". */
    private static String fieldChange(Field was, Field now) {
        if (was.withReadOnly(now.readOnly()).equals(now)) {
            return now.readOnly() ? now.name() + " is now read-only" : now.name() + " can be changed again";
        }
        return now.name() + " is now " + now.describe();
    }

    private static void scalar(List<String> changes, String what, String before, String after) {
        if (!Objects.equals(before, after) && after != null) {
            changes.add(before == null ? what + " set to " + after : what + " changed from " + before + " to " + after);
        }
    }

    private static Map<String, Entity> byName(List<Entity> entities) {
        return entities.stream().collect(Collectors.toMap(Entity::name, Function.identity(), (a, b) -> a));
    }

    private static String fields(List<Field> fields) {
        return fields.isEmpty() ? "no fields"
                : fields.stream().map(f -> f.name() + " " + f.describe()).collect(Collectors.joining(", "));
    }

    private static String ops(Set<Operation> ops) {
        return ops.stream().map(o -> o.name().toLowerCase(java.util.Locale.ROOT)).collect(Collectors.joining(", "));
    }
}
