package dev.aiwizard.core.spec;

/** One part of the spec that the interviewer fills; declaration order is the order of value when asking. */
public enum Slot {
    ENTITIES("what it manages"),
    FIELDS("the fields of each entity"),
    OPERATIONS("what clients can do"),
    NAME("the project name"),
    STACK("the stack"),
    PERSISTENCE("where data lives"),
    TARGET("where the code goes"),
    PURPOSE("what it is for");

    private final String description;

    Slot(String description) {
        this.description = description;
    }

    /** Short words for the slot, for summaries and questions. */
    public String description() {
        return description;
    }
}
