package dev.aiwizard.core.spec;

/** What the generated API lets clients do with each entity. */
public enum Operation {
    CREATE, READ, LIST, UPDATE, DELETE;
}
