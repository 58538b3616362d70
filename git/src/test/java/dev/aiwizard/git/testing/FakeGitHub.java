package dev.aiwizard.git.testing;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpServer;
import dev.aiwizard.core.testing.FormData;
import io.jsonwebtoken.Claims;
import io.jsonwebtoken.Jwts;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.nio.charset.StandardCharsets;
import java.security.PublicKey;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Deque;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * A local fake of the GitHub REST API (version 2022-11-28) for the calls the bot makes: repositories, pull requests
 * (create, list by head, get, edit; pull requests from forks), labels (add, remove), review requests, issue comments, commit statuses, collaborator permissions, and a GitHub
 * App's JWT and installation tokens. Status codes, headers and JSON follow GitHub's documentation, with only the
 * fields that matter. Tests can queue failures (rate limits) and read back what was asked and what exists.
 */
public final class FakeGitHub implements AutoCloseable {
    private static final ObjectMapper JSON = new ObjectMapper();
    private static final DateTimeFormatter HTTP_DATE = DateTimeFormatter.RFC_1123_DATE_TIME.withZone(ZoneOffset.UTC);

    /** One request as it arrived. */
    public record Recorded(String method, String path, String query, String authorization, String body) {
    }

    /**
     * A pull request as the fake holds it; {@code headRepo} ({@code owner/name}) is where its {@code head} branch
     * lives: the repository itself, or a fork.
     */
    public record Pull(int number, String title, String body, String head, String headRepo, String base,
                       boolean draft, String state, boolean merged, List<String> labels, List<String> reviewers,
                       List<String> comments) {
    }

    /** A commit status as GitHub's statuses API keeps it: on a commit, under a context. */
    public record Status(String sha, String state, String description, String context, String targetUrl) {
    }

    private record Failure(String method, Pattern path, int status, Map<String, String> headers, String body) {
    }

    private record Repo(String owner, String name, String cloneUrl, String defaultBranch, List<Pull> pulls,
                        Map<String, String> permissions, List<Status> statuses) {
    }

    private record App(long id, PublicKey key, long installationId, Duration tokenLifetime) {
    }

    private final HttpServer server;
    private final ExecutorService executor = Executors.newFixedThreadPool(4);
    private final Map<String, Repo> repos = new HashMap<>();
    private final java.util.Set<String> tokens = new java.util.HashSet<>();
    private final Map<String, Instant> installationTokens = new HashMap<>();
    private final List<Recorded> requests = new ArrayList<>();
    private final Deque<Failure> failures = new ArrayDeque<>();
    private App app;
    private int issued;
    private int commentIds;

    private FakeGitHub() throws IOException {
        server = HttpServer.create(new InetSocketAddress(InetAddress.getLoopbackAddress(), 0), 0);
        server.createContext("/", this::handle);
        server.setExecutor(executor);
        server.start();
    }

    private volatile java.util.concurrent.CountDownLatch pullHold;
    private final java.util.concurrent.atomic.AtomicInteger pullsWaiting = new java.util.concurrent.atomic.AtomicInteger();

    public static FakeGitHub start() {
        try {
            return new FakeGitHub();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    public String apiUrl() {
        return "http://127.0.0.1:" + server.getAddress().getPort();
    }

    public synchronized void acceptToken(String token) {
        tokens.add(token);
    }

    /** Turns on GitHub App auth: JWTs signed by the key of {@code appId}, and installation tokens. */
    public synchronized void installApp(long appId, PublicKey key, long installationId, Duration tokenLifetime) {
        app = new App(appId, key, installationId, tokenLifetime);
    }

    /** Whether {@code token} is a personal token or an unexpired installation token of this fake. */
    public synchronized boolean isValidToken(String token) {
        return token(token) != null;
    }

    public synchronized int installationTokensIssued() {
        return issued;
    }

    public synchronized void addRepo(String owner, String name, String cloneUrl, String defaultBranch) {
        repos.put(key(owner, name), new Repo(owner, name, cloneUrl, defaultBranch, new ArrayList<>(), new HashMap<>(),
                new ArrayList<>()));
    }

    public synchronized void setPermission(String owner, String repo, String login, String permission) {
        repos.get(key(owner, repo)).permissions().put(login.toLowerCase(Locale.ROOT), permission);
    }

    public synchronized List<Pull> pulls(String owner, String repo) {
        return List.copyOf(repos.get(key(owner, repo)).pulls());
    }

    /** Every commit status created in {@code owner/repo}, oldest first. */
    public synchronized List<Status> statuses(String owner, String repo) {
        return List.copyOf(repos.get(key(owner, repo)).statuses());
    }

    public synchronized void setPullState(String owner, String repo, int number, String state, boolean merged) {
        List<Pull> pulls = repos.get(key(owner, repo)).pulls();
        Pull p = pulls.get(number - 1);
        pulls.set(number - 1, new Pull(p.number(), p.title(), p.body(), p.head(), p.headRepo(), p.base(), p.draft(),
                state, merged, p.labels(), p.reviewers(), p.comments()));
    }

    /**
     * Someone opens a pull request into {@code owner/repo}'s default branch from branch {@code branch} of their fork
     * {@code forkOwner/repo}; returns its number.
     */
    public synchronized int addForkPull(String owner, String repo, String forkOwner, String branch, String title) {
        Repo r = repos.get(key(owner, repo));
        Pull p = new Pull(r.pulls().size() + 1, title, "", branch, forkOwner + "/" + repo, r.defaultBranch(), false,
                "open", false, List.of(), List.of(), List.of());
        r.pulls().add(p);
        return p.number();
    }

    public synchronized List<Recorded> requests() {
        return List.copyOf(requests);
    }

    /** The next request matching {@code method} and {@code pathRegex} gets this answer instead (once). */
    public synchronized void failNext(String method, String pathRegex, int status, Map<String, String> headers,
                                      String body) {
        failures.add(new Failure(method, Pattern.compile(pathRegex), status, headers, body));
    }

    /**
     * A slow GitHub: until {@link #releasePulls()}, every request to open a pull request waits before it is handled,
     * so a drill can stop the bot in the middle of delivering. {@link #waitingPulls()} tells how many wait.
     */
    public void holdPulls() {
        pullHold = new java.util.concurrent.CountDownLatch(1);
    }

    /** Lets the held requests, and every later one, through (as GitHub would once it answers again). */
    public void releasePulls() {
        java.util.concurrent.CountDownLatch h = pullHold;
        pullHold = null;
        if (h != null) {
            h.countDown();
        }
    }

    /** How many requests to open a pull request are held right now. */
    public int waitingPulls() {
        return pullsWaiting.get();
    }

    private void handle(HttpExchange ex) throws IOException {
        try (ex) {
            String body = new String(ex.getRequestBody().readAllBytes(), StandardCharsets.UTF_8);
            java.util.concurrent.CountDownLatch h = pullHold;
            if (h != null && ex.getRequestMethod().equals("POST")
                    && ex.getRequestURI().getPath().matches("/repos/[^/]+/[^/]+/pulls")) {
                pullsWaiting.incrementAndGet();
                try {
                    h.await(120, java.util.concurrent.TimeUnit.SECONDS);
                } catch (InterruptedException e) {
                    Thread.currentThread().interrupt();
                } finally {
                    pullsWaiting.decrementAndGet();
                }
            }
            Answer a;
            synchronized (this) {
                String path = ex.getRequestURI().getPath();
                requests.add(new Recorded(ex.getRequestMethod(), path, ex.getRequestURI().getRawQuery(),
                        ex.getRequestHeaders().getFirst("Authorization"), body));
                a = injected(ex.getRequestMethod(), path);
                if (a == null) {
                    a = route(ex, path, body.isEmpty() ? JSON.createObjectNode() : JSON.readTree(body));
                }
            }
            send(ex, a);
        }
    }

    private record Answer(int status, Object body, Map<String, String> headers) {
        Answer(int status, Object body) {
            this(status, body, Map.of());
        }
    }

    private Answer injected(String method, String path) {
        for (var it = failures.iterator(); it.hasNext(); ) {
            Failure f = it.next();
            if (f.method().equals(method) && f.path().matcher(path).matches()) {
                it.remove();
                return new Answer(f.status(), f.body(), f.headers());
            }
        }
        return null;
    }

    private Answer route(HttpExchange ex, String path, JsonNode in) {
        String method = ex.getRequestMethod();
        String auth = ex.getRequestHeaders().getFirst("Authorization");
        Matcher m;
        if ((m = match("/app/installations/(\\d+)/access_tokens", path)) != null && method.equals("POST")) {
            return jwtOk(auth) ? accessToken(Long.parseLong(m.group(1))) : unauthorized();
        }
        if (path.equals("/app") && method.equals("GET")) {
            return jwtOk(auth) ? new Answer(200, appJson()) : unauthorized();
        }
        if ((m = match("/repos/([^/]+)/([^/]+)/installation", path)) != null) {
            if (!jwtOk(auth)) {
                return unauthorized();
            }
            return repo(m) == null ? notFound() : new Answer(200, installationJson());
        }
        String token = token(auth);
        if (token == null) {
            return unauthorized();
        }
        if (path.equals("/user")) {
            return installationTokens.containsKey(token)
                    ? new Answer(403, error("Resource not accessible by integration"))
                    : new Answer(200, user("wizard-bot"));
        }
        if ((m = match("/users/([^/]+)", path)) != null) {
            return new Answer(200, user(m.group(1)));
        }
        if ((m = match("/repos/([^/]+)/([^/]+)(/.*)?", path)) == null || repo(m) == null) {
            return notFound();
        }
        Repo repo = repo(m);
        String rest = m.group(3) == null ? "" : m.group(3);
        Matcher r;
        if (rest.isEmpty() && method.equals("GET")) {
            return new Answer(200, repoJson(repo));
        }
        if (rest.equals("/pulls") && method.equals("GET")) {
            return new Answer(200, listPulls(repo, query(ex)));
        }
        if (rest.equals("/pulls") && method.equals("POST")) {
            return createPull(repo, in);
        }
        if ((r = match("/pulls/(\\d+)", rest)) != null) {
            Pull p = pull(repo, r.group(1));
            if (p == null) {
                return notFound();
            }
            if (method.equals("PATCH")) {
                p = edit(repo, p, in);
            }
            return new Answer(200, pullJson(repo, p));
        }
        if ((r = match("/pulls/(\\d+)/requested_reviewers", rest)) != null && method.equals("POST")) {
            Pull p = pull(repo, r.group(1));
            List<String> reviewers = new ArrayList<>(p.reviewers());
            in.path("reviewers").forEach(n -> reviewers.add(n.asText()));
            p = replace(repo, p, p.labels(), reviewers, p.comments(), p.body());
            return new Answer(201, pullJson(repo, p));
        }
        if ((r = match("/issues/(\\d+)/labels", rest)) != null && method.equals("POST")) {
            Pull p = pull(repo, r.group(1));
            List<String> labels = new ArrayList<>(p.labels());
            in.path("labels").forEach(n -> {
                if (!labels.contains(n.asText())) {
                    labels.add(n.asText());
                }
            });
            p = replace(repo, p, labels, p.reviewers(), p.comments(), p.body());
            ArrayNode out = JSON.createArrayNode();
            p.labels().forEach(l -> out.addObject().put("id", l.hashCode()).put("name", l).put("color", "ededed"));
            return new Answer(200, out);
        }
        if ((r = match("/issues/(\\d+)/labels/([^/]+)", rest)) != null && method.equals("DELETE")) {
            Pull p = pull(repo, r.group(1));
            String name = java.net.URLDecoder.decode(r.group(2), java.nio.charset.StandardCharsets.UTF_8);
            if (p == null || !p.labels().contains(name)) {
                return new Answer(404, error("Label does not exist"));
            }
            List<String> labels = new ArrayList<>(p.labels());
            labels.remove(name);
            p = replace(repo, p, labels, p.reviewers(), p.comments(), p.body());
            ArrayNode out = JSON.createArrayNode();
            p.labels().forEach(l -> out.addObject().put("id", l.hashCode()).put("name", l).put("color", "ededed"));
            return new Answer(200, out);
        }
        if ((r = match("/statuses/([0-9a-f]{40})", rest)) != null && method.equals("POST")) {
            return createStatus(repo, r.group(1), in);
        }
        if ((r = match("/issues/(\\d+)/comments", rest)) != null) {
            Pull p = pull(repo, r.group(1));
            if (p == null) {
                return notFound();
            }
            if (method.equals("POST")) {
                List<String> comments = new ArrayList<>(p.comments());
                comments.add(in.path("body").asText());
                replace(repo, p, p.labels(), p.reviewers(), comments, p.body());
                return new Answer(201, commentJson(repo, p.number(), ++commentIds, in.path("body").asText()));
            }
            ArrayNode out = JSON.createArrayNode();
            for (String c : p.comments()) {
                out.add(commentJson(repo, p.number(), ++commentIds, c));
            }
            return new Answer(200, out);
        }
        if ((r = match("/collaborators/([^/]+)/permission", rest)) != null) {
            String permission = repo.permissions().get(r.group(1).toLowerCase(Locale.ROOT));
            if (permission == null) {
                return new Answer(404, error("Not Found"));
            }
            ObjectNode out = JSON.createObjectNode().put("permission", permission).put("role_name", permission);
            out.set("user", user(r.group(1)));
            return new Answer(200, out);
        }
        return notFound();
    }

    /** POST /repos/{owner}/{repo}/statuses/{sha}: state is required and one of four; description at most 140. */
    private Answer createStatus(Repo repo, String sha, JsonNode in) {
        String state = in.path("state").asText("");
        if (!List.of("error", "failure", "pending", "success").contains(state)
                || in.path("description").asText("").length() > 140) {
            return new Answer(422, error("Validation Failed"));
        }
        Status st = new Status(sha, state, in.path("description").asText(null), in.path("context").asText("default"),
                in.path("target_url").asText(null));
        repo.statuses().add(st);
        ObjectNode out = JSON.createObjectNode().put("id", repo.statuses().size()).put("state", st.state())
                .put("description", st.description()).put("context", st.context()).put("target_url", st.targetUrl())
                .put("url", apiUrl() + "/repos/" + repo.owner() + "/" + repo.name() + "/statuses/" + sha)
                .put("created_at", "2026-01-01T00:00:00Z").put("updated_at", "2026-01-01T00:00:00Z");
        out.set("creator", user("wizard-bot"));
        return new Answer(201, out);
    }

    private Answer createPull(Repo repo, JsonNode in) {
        String head = in.path("head").asText();
        String branch = head.contains(":") ? head.substring(head.indexOf(':') + 1) : head;
        String headOwner = head.contains(":") ? head.substring(0, head.indexOf(':')) : repo.owner();
        String headRepo = headOwner + "/" + repo.name();
        if (repo.pulls().stream().anyMatch(p -> p.head().equals(branch) && p.headRepo().equalsIgnoreCase(headRepo)
                && p.state().equals("open"))) {
            ObjectNode e = error("Validation Failed");
            e.putArray("errors").addObject().put("resource", "PullRequest").put("code", "custom")
                    .put("message", "A pull request already exists for " + repo.owner() + ":" + branch + ".");
            return new Answer(422, e);
        }
        Pull p = new Pull(repo.pulls().size() + 1, in.path("title").asText(), in.path("body").asText(null), branch,
                headRepo, in.path("base").asText(), in.path("draft").asBoolean(false), "open", false, List.of(), List.of(),
                List.of());
        repo.pulls().add(p);
        return new Answer(201, pullJson(repo, p));
    }

    private Pull edit(Repo repo, Pull p, JsonNode in) {
        Pull e = replace(repo, p, p.labels(), p.reviewers(), p.comments(),
                in.has("body") ? in.path("body").asText() : p.body());
        if (in.has("state")) {
            setPullState(repo.owner(), repo.name(), p.number(), in.path("state").asText(), false);
            e = pull(repo, String.valueOf(p.number()));
        }
        return e;
    }

    private Pull replace(Repo repo, Pull p, List<String> labels, List<String> reviewers, List<String> comments,
                         String body) {
        Pull n = new Pull(p.number(), p.title(), body, p.head(), p.headRepo(), p.base(), p.draft(), p.state(),
                p.merged(), List.copyOf(labels), List.copyOf(reviewers), List.copyOf(comments));
        repo.pulls().set(p.number() - 1, n);
        return n;
    }

    private ArrayNode listPulls(Repo repo, Map<String, String> query) {
        String state = query.getOrDefault("state", "open");
        String head = query.get("head");
        ArrayNode out = JSON.createArrayNode();
        for (Pull p : repo.pulls()) {
            boolean stateOk = state.equals("all") || state.equals(p.state());
            boolean headOk = head == null || head.equalsIgnoreCase(owner(p.headRepo()) + ":" + p.head());
            if (stateOk && headOk) {
                out.add(pullJson(repo, p));
            }
        }
        return out;
    }

    private Answer accessToken(long installationId) {
        if (app == null || installationId != app.installationId()) {
            return notFound();
        }
        String token = "ghs_" + UUID.randomUUID().toString().replace("-", "");
        Instant expires = Instant.now().plus(app.tokenLifetime());
        installationTokens.put(token, expires);
        issued++;
        ObjectNode out = JSON.createObjectNode().put("token", token).put("expires_at", expires.toString())
                .put("repository_selection", "all");
        out.putObject("permissions").put("contents", "write").put("pull_requests", "write").put("metadata", "read");
        return new Answer(201, out);
    }

    /** Whether {@code auth} is {@code Bearer <jwt>} signed by the app's key, issued by the app, not expired. */
    private boolean jwtOk(String auth) {
        if (app == null || auth == null || !auth.startsWith("Bearer ")) {
            return false;
        }
        try {
            Claims claims = Jwts.parser().verifyWith(app.key()).build().parseSignedClaims(auth.substring(7))
                    .getPayload();
            return String.valueOf(app.id()).equals(claims.getIssuer());
        } catch (RuntimeException e) {
            return false;
        }
    }

    /** The token of {@code token <t>} or {@code Bearer <t>} when it is a valid PAT or unexpired installation token. */
    private String token(String auth) {
        if (auth == null) {
            return null;
        }
        String t = auth.replaceFirst("^(?i)(token|bearer) ", "");
        if (tokens.contains(t)) {
            return t;
        }
        Instant expires = installationTokens.get(t);
        return expires != null && Instant.now().isBefore(expires) ? t : null;
    }

    private Repo repo(Matcher m) {
        return repos.get(key(m.group(1), m.group(2)));
    }

    private static Pull pull(Repo repo, String number) {
        int n = Integer.parseInt(number);
        return n >= 1 && n <= repo.pulls().size() ? repo.pulls().get(n - 1) : null;
    }

    private ObjectNode repoJson(Repo r) {
        ObjectNode o = JSON.createObjectNode().put("id", Math.abs(key(r.owner(), r.name()).hashCode()))
                .put("name", r.name()).put("full_name", r.owner() + "/" + r.name()).put("private", true)
                .put("default_branch", r.defaultBranch()).put("clone_url", r.cloneUrl())
                .put("html_url", "https://github.example/" + r.owner() + "/" + r.name())
                .put("url", apiUrl() + "/repos/" + r.owner() + "/" + r.name());
        o.set("owner", user(r.owner()));
        o.putObject("permissions").put("admin", false).put("push", true).put("pull", true);
        return o;
    }

    private ObjectNode pullJson(Repo r, Pull p) {
        String base = apiUrl() + "/repos/" + r.owner() + "/" + r.name();
        ObjectNode o = JSON.createObjectNode().put("id", p.number() * 1000L).put("node_id", "PR_" + p.number())
                .put("number", p.number()).put("state", p.state()).put("title", p.title()).put("body", p.body())
                .put("draft", p.draft()).put("merged", p.merged())
                .put("html_url", "https://github.example/" + r.owner() + "/" + r.name() + "/pull/" + p.number())
                .put("url", base + "/pulls/" + p.number()).put("issue_url", base + "/issues/" + p.number())
                .put("created_at", "2026-01-01T00:00:00Z").put("updated_at", "2026-01-01T00:00:00Z");
        ObjectNode head = o.putObject("head").put("ref", p.head()).put("label", owner(p.headRepo()) + ":" + p.head())
                .put("sha", "0".repeat(40));
        Repo fork = repos.get(p.headRepo().toLowerCase(Locale.ROOT));
        head.set("repo", repoJson(fork != null ? fork : new Repo(owner(p.headRepo()), r.name(), r.cloneUrl(),
                r.defaultBranch(), List.of(), Map.of(), List.of())));
        ObjectNode baseRef = o.putObject("base").put("ref", p.base()).put("label", r.owner() + ":" + p.base());
        baseRef.set("repo", repoJson(r));
        o.set("user", user("wizard-bot"));
        ArrayNode reviewers = o.putArray("requested_reviewers");
        p.reviewers().forEach(login -> reviewers.add(user(login)));
        ArrayNode labels = o.putArray("labels");
        p.labels().forEach(l -> labels.addObject().put("name", l).put("color", "ededed"));
        return o;
    }

    private ObjectNode commentJson(Repo r, int number, int id, String body) {
        ObjectNode o = JSON.createObjectNode().put("id", id).put("body", body)
                .put("html_url", "https://github.example/" + r.owner() + "/" + r.name() + "/pull/" + number
                        + "#issuecomment-" + id)
                .put("created_at", "2026-01-01T00:00:00Z");
        o.set("user", user("wizard-bot"));
        return o;
    }

    private ObjectNode appJson() {
        ObjectNode o = JSON.createObjectNode().put("id", app.id()).put("slug", "ai-wizard").put("name", "AI Wizard");
        o.set("owner", user("acme"));
        return o;
    }

    private ObjectNode installationJson() {
        ObjectNode o = JSON.createObjectNode().put("id", app.installationId()).put("app_id", app.id())
                .put("target_type", "Organization");
        o.set("account", user("acme"));
        o.putObject("permissions").put("contents", "write").put("pull_requests", "write").put("metadata", "read");
        return o;
    }

    private static ObjectNode user(String login) {
        return JSON.createObjectNode().put("login", login).put("id", Math.abs(login.hashCode())).put("type", "User");
    }

    private static ObjectNode error(String message) {
        return JSON.createObjectNode().put("message", message).put("documentation_url", "https://docs.github.com/rest");
    }

    private static Answer unauthorized() {
        return new Answer(401, error("Bad credentials"));
    }

    private static Answer notFound() {
        return new Answer(404, error("Not Found"));
    }

    private static Matcher match(String regex, String path) {
        Matcher m = Pattern.compile(regex).matcher(path);
        return m.matches() ? m : null;
    }

    private static Map<String, String> query(HttpExchange ex) {
        return FormData.parse(ex.getRequestURI().getRawQuery());
    }

    private static String owner(String fullName) {
        return fullName.substring(0, fullName.indexOf('/'));
    }

    private static String key(String owner, String name) {
        return (owner + "/" + name).toLowerCase(Locale.ROOT);
    }

    private void send(HttpExchange ex, Answer a) throws IOException {
        byte[] out = a.body() == null ? new byte[0] : a.body() instanceof String s
                ? s.getBytes(StandardCharsets.UTF_8) : JSON.writeValueAsBytes(a.body());
        var h = ex.getResponseHeaders();
        h.set("Content-Type", "application/json; charset=utf-8");
        h.set("Date", HTTP_DATE.format(Instant.now()));
        h.set("X-RateLimit-Limit", "5000");
        h.set("X-RateLimit-Remaining", "4999");
        h.set("X-RateLimit-Reset", String.valueOf(Instant.now().plusSeconds(3600).getEpochSecond()));
        a.headers().forEach(h::set);
        ex.sendResponseHeaders(a.status(), out.length == 0 ? -1 : out.length);
        if (out.length > 0) {
            ex.getResponseBody().write(out);
        }
    }

    @Override
    public void close() {
        server.stop(0);
        executor.shutdownNow();
    }
}
