package dev.aiwizard.web.view;

/**
 * A job's page: what it builds, where it is, how it ended and what it produced. Every address is null when there is
 * nothing to link to; {@code eventsHref} is null once the job is over (nothing more will happen).
 */
public record JobView(String id, String idea, String kind, String state, String stateClass, String progress,
                      String result, String error, String validationOutcome, String validationSummary,
                      String pullRequestUrl, String branch, String location, String conversationHref,
                      String threadName, String threadUrl, String eventsHref, String filesHref, String diffHref,
                      String archiveHref, int fileCount, String created, String updated) {
}
