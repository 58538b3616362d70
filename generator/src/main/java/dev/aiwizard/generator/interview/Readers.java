package dev.aiwizard.generator.interview;

import dev.aiwizard.generator.stack.StackCatalog;

/** The readers and wording one interviewer shares between the parts that read messages. */
record Readers(Texts texts, StackCatalog catalog, NameReader names, FieldReader fields, EntityReader entities,
               OptionReader options) {

    static Readers create(StackCatalog catalog) {
        Texts texts = new Texts();
        FieldReader fields = new FieldReader(texts);
        return new Readers(texts, catalog, new NameReader(texts), fields, new EntityReader(fields, texts), new OptionReader(catalog));
    }

    /** The project name, or the suggestion when none is chosen yet: for examples in notes. */
    String nameOrSuggestion(dev.aiwizard.core.spec.Spec spec) {
        return spec.name() != null ? spec.name() : names.suggest(spec);
    }
}
