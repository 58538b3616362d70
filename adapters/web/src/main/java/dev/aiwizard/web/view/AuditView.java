package dev.aiwizard.web.view;

import java.util.List;

/**
 * The audit page: each conversation shown with its audit events, oldest first ({@code only}: the one conversation
 * asked for, or empty for the newest ones).
 */
public record AuditView(List<Trail> trails, String only) {
    public AuditView {
        trails = List.copyOf(trails);
    }

    /** One conversation's trail, as {@code event: detail} lines. */
    public record Trail(String id, String href, String idea, String platform, String requester, List<String> events) {
        public Trail {
            events = List.copyOf(events);
        }
    }
}
