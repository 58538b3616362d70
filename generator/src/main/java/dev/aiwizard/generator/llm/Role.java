package dev.aiwizard.generator.llm;

/** What a model call is for; each role may use its own model. */
public enum Role {
    INTERVIEWER,
    PLANNER,
    CODER
}
