package dev.aiwizard.app.api;

import dev.aiwizard.core.access.ApiToken;
import dev.aiwizard.core.conversation.Conversation;
import dev.aiwizard.core.conversation.StoredMessage;
import dev.aiwizard.core.job.GeneratedFile;
import dev.aiwizard.core.job.Job;
import dev.aiwizard.core.request.RequestOutcome;
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
        m.put("pullRequest", j.pullRequestUrl());
        m.put("validation", j.validation() == null ? null : Map.of("outcome", j.validation().outcome().name(),
                "summary", j.validation().summary()));
        m.put("createdAt", j.createdAt());
        m.put("updatedAt", j.updatedAt());
        m.put("links", jobLinks(j));
        return m;
    }

    /** Where a job's parts are: itself, its events, its files, their zip, and its conversation. */
    static Map<String, Object> jobLinks(Job j) {
        String self = ApiService.BASE + "/jobs/" + j.id().value();
        Map<String, Object> links = new LinkedHashMap<>();
        links.put("self", self);
        links.put("events", self + "/events");
        links.put("files", self + "/files");
        links.put("archive", self + "/archive.zip");
        links.put("conversation", ApiService.BASE + "/conversations/" + j.conversationId().value());
        return links;
    }

    /** The answer to a job request whose spec waits for approval, with the way to approve it. */
    static Map<String, Object> drafted(RequestOutcome.Drafted d) {
        Conversation c = d.conversation();
        String self = ApiService.BASE + "/conversations/" + c.id().value();
        Map<String, Object> m = new LinkedHashMap<>();
        m.put("conversationId", c.id().value());
        m.put("state", c.state().name());
        m.put("cached", d.cached());
        m.put("spec", spec(c.spec()));
        m.put("defaults", c.spec().assumptions());
        m.put("notes", d.notes());
        m.put("links", Map.of("self", self, "approve", self + "/approval"));
        return m;
    }

    /** The answer to a job request (or an approval) whose job is queued, or was answered from the cache. */
    static Map<String, Object> queued(RequestOutcome.Queued q) {
        Job j = q.job();
        Map<String, Object> m = new LinkedHashMap<>();
        m.put("jobId", j.id().value());
        m.put("conversationId", j.conversationId().value());
        m.put("state", j.state().name());
        m.put("cached", q.cached());
        m.put("spec", spec(j.spec()));
        m.put("defaults", j.spec().assumptions());
        m.put("notes", q.notes());
        m.put("links", jobLinks(j));
        return m;
    }

    /** A personal API token as listed (never the token itself, which only its creation shows). */
    static Map<String, Object> token(ApiToken t) {
        Map<String, Object> m = new LinkedHashMap<>();
        m.put("id", t.id());
        m.put("name", t.name());
        m.put("user", Map.of("id", t.owner().id(), "name", t.owner().displayName()));
        m.put("createdAt", t.createdAt());
        m.put("revokedAt", t.revokedAt());
        m.put("links", Map.of("self", ApiService.BASE + "/tokens/" + t.id()));
        return m;
    }

    static Map<String, Object> file(GeneratedFile f) {
        return Map.of("path", f.path(), "size", f.size());
    }
}
