package dev.aiwizard.web.view;

import java.util.List;

/**
 * One conversation as a chat: what it is about, where it stands, its messages, the spec, the choices on offer and
 * whether the person looking may write ({@code readOnly}: why not, or null); {@code notes} are what the bot told only
 * them; {@code job} is the latest job's progress and {@code jobId} its id, or both null.
 */
public record ConversationView(String id, String idea, String state, String stateClass, String platform,
                               String requester, String origin, List<Line> lines, String spec, List<Option> choices,
                               boolean mayWrite, String readOnly, List<String> notes, String job, String jobId,
                               boolean over) {
    public ConversationView {
        lines = List.copyOf(lines);
        choices = List.copyOf(choices);
        notes = List.copyOf(notes);
    }

    /** The address of this conversation's page. */
    public String href() {
        return "/conversations/" + id;
    }

    /** The address of the latest job's page, or null. */
    public String jobHref() {
        return jobId == null ? null : "/jobs/" + jobId;
    }

    /** One message: who wrote it, whether the bot did, and when. */
    public record Line(String author, boolean bot, String text, String at, String atIso) {
    }

    /** A choice, shown as a button that sends {@code value}. */
    public record Option(String label, String value) {
    }
}
