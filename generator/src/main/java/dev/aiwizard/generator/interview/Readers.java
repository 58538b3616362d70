package dev.aiwizard.generator.interview;

import dev.aiwizard.core.spec.Spec;
import dev.aiwizard.generator.stack.StackCatalog;
import dev.aiwizard.generator.stack.StackOption;
import java.util.HashSet;
import java.util.List;
import java.util.Set;

/** The readers and wording one interviewer shares between the parts that read messages. */
record Readers(Texts texts, StackCatalog catalog, NameReader names, FieldReader fields, EntityReader entities,
               OptionReader options, String defaultTarget) {

    /** {@code defaultTarget}: where code goes unless someone says otherwise (WIZARD_TARGET). */
    static Readers create(StackCatalog catalog, String defaultTarget) {
        Texts texts = new Texts();
        FieldReader fields = new FieldReader(texts);
        return new Readers(texts, catalog, new NameReader(texts), fields, new EntityReader(fields, texts),
                new OptionReader(catalog), defaultTarget);
    }

    /** The project name, or the suggestion when none is chosen yet: for examples in notes. */
    String nameOrSuggestion(Spec spec) {
        return spec.name() != null ? spec.name() : names.suggest(spec);
    }

    /**
     * {@code spec} with the stack the person chose. A stack the bot had assumed is no longer an assumption, and a
     * persistence option the new stack lacks is cleared so it is asked or assumed again.
     */
    Spec withStack(Spec spec, StackOption stack) {
        Set<String> stale = new HashSet<>();
        if (spec.stack() != null) {
            stale.add(texts.get("assume.stack", "stack", spec.stack()));
            stale.add(texts.get("assume.stackOnly", "stack", spec.stack()));
        }
        String persistence = spec.persistence();
        if (persistence != null && !stack.persistence().contains(persistence)) {
            stale.add(texts.get("assume.persistence", "persistence", persistence));
            stale.add(texts.get("assume.persistenceOnly", "persistence", persistence));
            persistence = null;
        }
        List<String> assumptions = spec.assumptions().stream().filter(a -> !stale.contains(a)).toList();
        return new Spec(spec.name(), spec.purpose(), spec.entities(), spec.operations(), stack.id(), persistence,
                spec.target(), assumptions, spec.model());
    }
}
