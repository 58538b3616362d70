package dev.aiwizard.web.view;

import java.util.List;

/** The "conversations" page's content: the heading, the rows, and for admins the filters as chosen. */
public record ConversationList(String heading, List<Row> rows, boolean filterable, List<String> platforms,
                               List<State> states, String platform, String state, String person) {
    public ConversationList {
        rows = List.copyOf(rows);
        platforms = List.copyOf(platforms);
        states = List.copyOf(states);
    }

    /** A state to filter by: its name, and how people read it. */
    public record State(String name, String label) {
    }

    /** One line of the list. */
    public record Row(String href, String idea, String state, String stateClass, String platform, String requester,
                      String updated, String updatedIso) {
    }
}
