package dev.aiwizard.git.testing;

import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpServer;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.io.UncheckedIOException;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Base64;
import java.util.Collections;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.zip.GZIPInputStream;
import org.eclipse.jgit.api.Git;
import org.eclipse.jgit.api.errors.GitAPIException;
import org.eclipse.jgit.dircache.DirCache;
import org.eclipse.jgit.dircache.DirCacheBuilder;
import org.eclipse.jgit.dircache.DirCacheEntry;
import org.eclipse.jgit.lib.CommitBuilder;
import org.eclipse.jgit.lib.Constants;
import org.eclipse.jgit.lib.FileMode;
import org.eclipse.jgit.lib.ObjectId;
import org.eclipse.jgit.lib.ObjectInserter;
import org.eclipse.jgit.lib.PersonIdent;
import org.eclipse.jgit.lib.RefUpdate;
import org.eclipse.jgit.lib.Repository;
import org.eclipse.jgit.storage.file.FileRepositoryBuilder;
import org.eclipse.jgit.transport.PacketLineOut;
import org.eclipse.jgit.transport.ReceiveCommand;
import org.eclipse.jgit.transport.ReceivePack;
import org.eclipse.jgit.transport.RefAdvertiser.PacketLineOutRefAdvertiser;
import org.eclipse.jgit.transport.UploadPack;

/**
 * A git "smart HTTP" server on 127.0.0.1 for tests, serving bare repositories {@code <root>/<owner>/<name>.git} the
 * way GitHub does: HTTP basic auth with user {@code x-access-token} and a token, 401 without it, 403 for a push with a
 * read-only token, and a pre-receive hook for protected branches. Built on the JDK's HTTP server with JGit's own
 * {@link UploadPack} and {@link ReceivePack} (protocol v0, which JGit clients fall back to).
 */
public final class GitHttpServer implements AutoCloseable {
    private static final Pattern ROUTE = Pattern.compile("/([^/]+)/([^/]+\\.git)/(info/refs|git-upload-pack|git-receive-pack)");

    private final Path root;
    private final HttpServer server;
    private final ExecutorService executor = Executors.newCachedThreadPool();
    private final Set<String> tokens = ConcurrentHashMap.newKeySet();
    private final Set<String> readOnly = ConcurrentHashMap.newKeySet();
    private final Set<String> protectedBranches = ConcurrentHashMap.newKeySet();
    private final Map<Path, Repository> open = new ConcurrentHashMap<>();
    private final List<String> requests = Collections.synchronizedList(new ArrayList<>());
    private final AtomicInteger pushes = new AtomicInteger();
    private volatile java.util.function.Predicate<String> extra = t -> false;

    private GitHttpServer(Path root) throws IOException {
        this.root = root;
        server = HttpServer.create(new InetSocketAddress(InetAddress.getLoopbackAddress(), 0), 0);
        server.createContext("/", this::handle);
        server.setExecutor(executor);
        server.start();
    }

    public static GitHttpServer start(Path root) {
        try {
            return new GitHttpServer(root);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    public String url(String owner, String repo) {
        return "http://127.0.0.1:" + server.getAddress().getPort() + "/" + owner + "/" + repo + ".git";
    }

    public Path repoDir(String owner, String repo) {
        return root.resolve(owner).resolve(repo + ".git");
    }

    /** An empty bare repository whose unborn default branch is {@code main}. */
    public Path createBare(String owner, String repo) {
        Path dir = repoDir(owner, repo);
        try {
            Files.createDirectories(dir.getParent());
            Git.init().setBare(true).setDirectory(dir.toFile()).setInitialBranch("main").call().close();
            return dir;
        } catch (IOException | GitAPIException e) {
            throw new IllegalStateException(e);
        }
    }

    /**
     * Gives the empty repository a first commit with a README on its default branch {@code main}, as GitHub's
     * "Initialize this repository with a README" does; returns the commit's id.
     */
    public String initialise(String owner, String repo) {
        try (Repository bare = new FileRepositoryBuilder().setGitDir(repoDir(owner, repo).toFile()).setMustExist(true)
                .build(); ObjectInserter inserter = bare.newObjectInserter()) {
            DirCache index = DirCache.newInCore();
            DirCacheBuilder builder = index.builder();
            DirCacheEntry readme = new DirCacheEntry("README.md");
            readme.setFileMode(FileMode.REGULAR_FILE);
            readme.setObjectId(inserter.insert(Constants.OBJ_BLOB, ("# " + repo + "\n").getBytes(StandardCharsets.UTF_8)));
            builder.add(readme);
            builder.finish();
            PersonIdent person = new PersonIdent("Repo Owner", "owner@example.org");
            CommitBuilder commit = new CommitBuilder();
            commit.setTreeId(index.writeTree(inserter));
            commit.setAuthor(person);
            commit.setCommitter(person);
            commit.setMessage("Initial commit\n");
            ObjectId id = inserter.insert(commit);
            inserter.flush();
            RefUpdate main = bare.updateRef(Constants.R_HEADS + "main");
            main.setNewObjectId(id);
            main.setExpectedOldObjectId(ObjectId.zeroId());
            if (main.update() != RefUpdate.Result.NEW) {
                throw new IllegalStateException("main already exists in " + owner + "/" + repo);
            }
            return id.name();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    public void acceptToken(String token) {
        tokens.add(token);
    }

    /** Also accept any token {@code check} accepts (installation tokens a fake GitHub issued). */
    public void acceptIf(java.util.function.Predicate<String> check) {
        extra = check;
    }

    public void revokeToken(String token) {
        tokens.remove(token);
    }

    /** A token that may fetch but not push, like a token without Contents: write. */
    public void readOnlyToken(String token) {
        tokens.add(token);
        readOnly.add(token);
    }

    /** Pushes that update {@code branch} are declined, as a protected branch's are on GitHub. */
    public void protect(String branch) {
        protectedBranches.add(branch);
    }

    /** How many receive-packs (pushes) got past authentication. */
    public int pushes() {
        return pushes.get();
    }

    public List<String> requests() {
        synchronized (requests) {
            return List.copyOf(requests);
        }
    }

    private void handle(HttpExchange ex) throws IOException {
        try (ex) {
            String path = ex.getRequestURI().getPath();
            requests.add(ex.getRequestMethod() + " " + path);
            String token = token(ex);
            if (token == null) {
                ex.getResponseHeaders().set("WWW-Authenticate", "Basic realm=\"git\"");
                ex.sendResponseHeaders(401, -1);
                return;
            }
            Matcher m = ROUTE.matcher(path);
            Path dir = m.matches() ? root.resolve(m.group(1)).resolve(m.group(2)).normalize() : null;
            if (dir == null || !dir.startsWith(root) || !Files.isDirectory(dir)) {
                ex.sendResponseHeaders(404, -1);
                return;
            }
            Repository repo = open.computeIfAbsent(dir, GitHttpServer::openBare);
            String service = m.group(3).equals("info/refs") ? query(ex, "service") : m.group(3);
            if ("git-receive-pack".equals(service) && readOnly.contains(token)) {
                byte[] body = "Permission to push denied".getBytes(StandardCharsets.UTF_8);
                ex.sendResponseHeaders(403, body.length);
                ex.getResponseBody().write(body);
                return;
            }
            if (m.group(3).equals("info/refs")) {
                advertise(ex, repo, service);
            } else if (service.equals("git-upload-pack")) {
                ex.getResponseHeaders().set("Content-Type", "application/x-git-upload-pack-result");
                ex.sendResponseHeaders(200, 0);
                UploadPack up = new UploadPack(repo);
                up.setBiDirectionalPipe(false);
                up.upload(body(ex), ex.getResponseBody(), null);
            } else {
                pushes.incrementAndGet();
                ex.getResponseHeaders().set("Content-Type", "application/x-git-receive-pack-result");
                ex.sendResponseHeaders(200, 0);
                receivePack(repo).receive(body(ex), ex.getResponseBody(), null);
            }
        }
    }

    private void advertise(HttpExchange ex, Repository repo, String service) throws IOException {
        if (!"git-upload-pack".equals(service) && !"git-receive-pack".equals(service)) {
            ex.sendResponseHeaders(403, -1);
            return;
        }
        ex.getResponseHeaders().set("Content-Type", "application/x-" + service + "-advertisement");
        ex.sendResponseHeaders(200, 0);
        OutputStream os = ex.getResponseBody();
        PacketLineOut out = new PacketLineOut(os);
        out.writeString("# service=" + service + "\n");
        out.end();
        if (service.equals("git-upload-pack")) {
            UploadPack up = new UploadPack(repo);
            up.setBiDirectionalPipe(false);
            up.sendAdvertisedRefs(new PacketLineOutRefAdvertiser(out));
        } else {
            receivePack(repo).sendAdvertisedRefs(new PacketLineOutRefAdvertiser(out));
        }
        os.flush();
    }

    private ReceivePack receivePack(Repository repo) {
        ReceivePack rp = new ReceivePack(repo);
        rp.setBiDirectionalPipe(false);
        rp.setAllowNonFastForwards(false);
        rp.setAllowDeletes(false);
        rp.setPreReceiveHook((pack, commands) -> {
            for (ReceiveCommand c : commands) {
                String branch = c.getRefName().replaceFirst("^refs/heads/", "");
                if (protectedBranches.contains(branch)) {
                    c.setResult(ReceiveCommand.Result.REJECTED_OTHER_REASON, "protected branch hook declined");
                }
            }
        });
        return rp;
    }

    /** The token of a valid {@code x-access-token} basic auth header, else {@code null}. */
    private String token(HttpExchange ex) {
        String header = ex.getRequestHeaders().getFirst("Authorization");
        if (header == null || !header.startsWith("Basic ")) {
            return null;
        }
        String decoded = new String(Base64.getDecoder().decode(header.substring(6).strip()), StandardCharsets.UTF_8);
        int colon = decoded.indexOf(':');
        if (colon < 0 || !decoded.substring(0, colon).equals("x-access-token")) {
            return null;
        }
        String token = decoded.substring(colon + 1);
        return tokens.contains(token) || extra.test(token) ? token : null;
    }

    private static InputStream body(HttpExchange ex) throws IOException {
        InputStream in = ex.getRequestBody();
        return "gzip".equals(ex.getRequestHeaders().getFirst("Content-Encoding")) ? new GZIPInputStream(in) : in;
    }

    private static String query(HttpExchange ex, String name) {
        String q = ex.getRequestURI().getQuery();
        if (q != null) {
            for (String part : q.split("&")) {
                if (part.startsWith(name + "=")) {
                    return part.substring(name.length() + 1);
                }
            }
        }
        return "";
    }

    private static Repository openBare(Path dir) {
        try {
            return new FileRepositoryBuilder().setGitDir(dir.toFile()).setBare().build();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    @Override
    public void close() {
        server.stop(0);
        executor.shutdownNow();
        open.values().forEach(Repository::close);
    }
}
