package dev.aiwizard.generator.interview;

import dev.aiwizard.core.spec.Entity;
import dev.aiwizard.core.spec.Spec;
import java.util.ArrayList;
import java.util.List;

/** The spec while one message is read, with the notes to show the person about what could not be used. */
final class Draft {
    private final Spec original;
    private final List<String> notes = new ArrayList<>();
    private Spec spec;

    Draft(Spec spec) {
        this.original = spec;
        this.spec = spec;
    }

    Spec spec() {
        return spec;
    }

    void update(Spec next) {
        spec = next;
    }

    void note(String note) {
        if (note != null && !notes.contains(note)) {
            notes.add(note);
        }
    }

    void notes(List<String> more) {
        more.forEach(this::note);
    }

    List<String> notes() {
        return List.copyOf(notes);
    }

    /** Whether the message changed anything in the spec. */
    boolean changed() {
        return !spec.equals(original);
    }

    /** Adds what a reader found: its entities, then its relations as reference fields. */
    void merge(EntityReader.Found found) {
        merge(found.entities(), found.relations());
        notes(found.notes());
    }

    /** Adds {@code found} entities; fields of an entity already known are added to it (same names replace). */
    void merge(List<Entity> found) {
        merge(found, List.of());
    }

    private void merge(List<Entity> found, List<Relation> relations) {
        List<Entity> merged = new ArrayList<>(spec.entities());
        for (Entity e : found) {
            int i = indexOf(merged, e.name());
            if (i < 0) {
                merged.add(e);
            } else {
                merged.set(i, merged.get(i).withFields(e.fields()));
            }
        }
        spec = References.apply(spec.withEntities(merged), relations);
    }

    private static int indexOf(List<Entity> entities, String name) {
        for (int i = 0; i < entities.size(); i++) {
            if (entities.get(i).name().equals(name)) {
                return i;
            }
        }
        return -1;
    }
}
