package dev.aiwizard.generator.interview;

/** A relation a message states: each {@code child} record holds the id of one {@code parent} record. */
record Relation(String child, String parent) {
}
