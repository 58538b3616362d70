package dev.aiwizard.core.job;

/** Why a job runs: the first generation of a conversation, or a revision of delivered code. */
public enum JobKind {
    GENERATE, REVISE
}
