package dev.aiwizard.core.request;

/**
 * A job asked for in one request: the idea, and the answers the caller already has ({@code null}: let the interviewer
 * choose): the stack, the project's name, the target ({@code owner/repo}, {@code local} or a git URL) and the model.
 * With {@code approve} the job is queued at once; without, the spec waits for approval.
 */
public record JobRequest(String idea, String stack, String name, String target, String model, boolean approve) {
}
