package dev.aiwizard.app.api;

import dev.aiwizard.core.conversation.Conversation;
import dev.aiwizard.core.conversation.StoredMessage;
import dev.aiwizard.core.job.GeneratedFile;
import dev.aiwizard.core.job.Job;
import dev.aiwizard.core.spec.Entity;
import dev.aiwizard.core.spec.Field;
import dev.aiwizard.core.spec.Spec;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;

/** The public JSON shape of each record, kept apart from the domain so either can change on its own. */
final class Views {
    private Views() {
    }

    static Map<String, Object> conversation(Conversation c) {
        Map<String, Object> m = new LinkedHashMap<>();
        m.put("id", c.id().value());
        m.put("platform", c.thread().platform());
        m.put("channel", c.thread().channel());
        m.put("thread", c.thread().thread());
        m.put("requester", Map.of("id", c.requester().id(), "name", c.requester().displayName()));
        m.put("state", c.state().name());
        m.put("name", c.spec().name());
        m.put("idea", c.idea());
        m.put("questionsAsked", c.questionsAsked());
        m.put("branch", c.branch());
        m.put("createdAt", c.createdAt());
        m.put("updatedAt", c.updatedAt());
        return m;
    }

    static Map<String, Object> conversationDetail(Conversation c, List<StoredMessage> messages, List<Job> jobs) {
        Map<String, Object> m = conversation(c);
        m.put("spec", spec(c.spec()));
        m.put("pendingQuestion", c.pending() == null ? null : Map.of("slot", c.pending().slot().name(),
                "text", c.pending().text(), "choices", c.pending().choices()));
        m.put("messages", messages.stream().map(Views::message).toList());
        m.put("jobs", jobs.stream().map(Views::job).toList());
        return m;
    }

    static Map<String, Object> spec(Spec s) {
        Map<String, Object> m = new LinkedHashMap<>();
        m.put("name", s.name());
        m.put("purpose", s.purpose());
        m.put("entities", s.entities().stream().map(Views::entity).toList());
        m.put("operations", s.orderedOperations().stream().map(o -> o.name().toLowerCase(Locale.ROOT)).toList());
        m.put("stack", s.stack());
        m.put("persistence", s.persistence());
        m.put("target", s.target());
        m.put("assumptions", s.assumptions());
        return m;
    }

    private static Map<String, Object> entity(Entity e) {
        return Map.of("name", e.name(), "fields", e.fields().stream().map(Views::field).toList());
    }

    private static Map<String, Object> field(Field f) {
        return Map.of("name", f.name(), "type", f.type().label());
    }

    static Map<String, Object> message(StoredMessage msg) {
        Map<String, Object> m = new LinkedHashMap<>();
        m.put("author", msg.author().name().toLowerCase(Locale.ROOT));
        m.put("userId", msg.userId());
        m.put("text", msg.text());
        m.put("at", msg.at());
        return m;
    }

    static Map<String, Object> job(Job j) {
        Map<String, Object> m = new LinkedHashMap<>();
        m.put("id", j.id().value());
        m.put("conversationId", j.conversationId().value());
        m.put("kind", j.kind().name());
        m.put("state", j.state().name());
        m.put("progress", j.progress());
        m.put("attempts", j.attempts());
        m.put("branch", j.branch());
        m.put("commit", j.commitId());
        m.put("location", j.location());
        m.put("result", j.result());
        m.put("error", j.error());
        m.put("createdAt", j.createdAt());
        m.put("updatedAt", j.updatedAt());
        return m;
    }

    static Map<String, Object> file(GeneratedFile f) {
        return Map.of("path", f.path(), "size", f.size());
    }
}
