package dev.aiwizard.sandbox;

import dev.aiwizard.core.sandbox.SandboxLimits;
import dev.aiwizard.sandbox.StackPlan.Step;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * The command line of one sandbox step. What it builds, and why:
 * <ul>
 * <li>only {@code /usr} (with the {@code /bin}, {@code /lib}… links), {@code /etc} and the JDK are visible, read-only:
 *     not the bot's data, home, work directories or other projects;</li>
 * <li>the scratch copy and the reports directory are the only writable binds; {@code /tmp} is a private tmpfs of
 *     bounded size, {@code /proc} is the sandbox's own, {@code /dev} the minimal one;</li>
 * <li>every namespace unshared (no network unless the step fetches dependencies), a new user namespace in which no
 *     further one may be made, a new PID namespace (killing bwrap ends every process inside), a new session (no
 *     terminal injection), {@code --die-with-parent};</li>
 * <li>a clean environment: only what the build needs, never the bot's own (it holds tokens);</li>
 * <li>limits per process through {@code prlimit}: CPU time (SIGXCPU, then SIGKILL 5 s later), writable memory
 *     (RLIMIT_DATA, which unlike RLIMIT_AS leaves the JVM's large reservations alone), file size, no core dumps,
 *     and tasks (RLIMIT_NPROC counts processes and threads of the sandbox's user; it binds only a non-root user,
 *     which is why a root bot starts bwrap as {@code dropTo})</li>
 * </ul>
 */
final class BwrapCommand {
    /** The uid and gid processes have inside the sandbox (its own user namespace). */
    static final int INSIDE_ID = 1000;
    private static final long FILE_SIZE = 1L << 30;

    private final String bwrap;
    private final Path javaHome;
    private final int dropTo;

    /** {@code dropTo} is the uid to run bwrap as when the bot is root, or -1 to run it as the bot's own user. */
    BwrapCommand(String bwrap, Path javaHome, int dropTo) {
        this.bwrap = bwrap;
        this.javaHome = javaHome;
        this.dropTo = dropTo;
    }

    /** The step {@code step} over a run directory and the cache; {@code fetch} gives it the network and the cache. */
    List<String> build(Step step, Path run, Path cache, boolean fetch, SandboxLimits limits) {
        List<String> c = new ArrayList<>(prefix());
        c.addAll(List.of("--unshare-all", "--unshare-user", "--disable-userns", "--uid", id(), "--gid", id(),
                "--hostname", "sandbox", "--die-with-parent", "--new-session"));
        if (fetch) {
            c.add("--share-net");
        }
        c.addAll(system());
        c.addAll(List.of("--dev", "/dev", "--proc", "/proc",
                "--size", Long.toString(Math.max(64L << 20, limits.memoryBytes() / 4)), "--tmpfs", "/tmp",
                "--dir", "/tmp/home",
                "--bind", run.resolve("project").toString(), StackPlan.PROJECT,
                "--bind", run.resolve("reports").toString(), StackPlan.REPORTS,
                fetch ? "--bind" : "--ro-bind", cache.toString(), StackPlan.CACHE,
                "--chdir", StackPlan.PROJECT, "--clearenv"));
        environment(step, limits).forEach((k, v) -> c.addAll(List.of("--setenv", k, v)));
        long cpu = Math.max(1, limits.cpuTime().toSeconds());
        c.addAll(List.of("--", "/usr/bin/prlimit",
                "--cpu=" + cpu + ":" + (cpu + 5),
                "--data=" + limits.memoryBytes(),
                "--nproc=" + limits.maxProcesses(),
                "--fsize=" + FILE_SIZE,
                "--core=0", "--"));
        c.addAll(step.command());
        return c;
    }

    /** A trivial sandbox with the same isolation, to learn whether bwrap works on this machine at all. */
    List<String> probe(Path workDir) {
        List<String> c = new ArrayList<>(prefix());
        c.addAll(List.of("--unshare-all", "--unshare-user", "--disable-userns", "--uid", id(), "--gid", id(),
                "--die-with-parent", "--new-session"));
        c.addAll(system());
        c.addAll(List.of("--dev", "/dev", "--proc", "/proc", "--tmpfs", "/tmp", "--ro-bind", workDir.toString(),
                "/sandbox", "--clearenv",
                "--", "/usr/bin/prlimit", "--nproc=64", "--", "/usr/bin/true"));
        return c;
    }

    private List<String> prefix() {
        List<String> c = new ArrayList<>();
        if (dropTo >= 0) {
            c.addAll(List.of("/usr/bin/setpriv", "--reuid=" + dropTo, "--regid=" + dropTo, "--clear-groups", "--"));
        }
        c.add(bwrap);
        return c;
    }

    /** The read-only system: /usr and /etc, the merged-/usr links as links, and the JDK when it lives elsewhere. */
    private List<String> system() {
        List<String> c = new ArrayList<>(List.of("--ro-bind", "/usr", "/usr", "--ro-bind", "/etc", "/etc"));
        for (String top : List.of("/bin", "/sbin", "/lib", "/lib32", "/lib64", "/libx32")) {
            Path p = Path.of(top);
            if (Files.isSymbolicLink(p)) {
                try {
                    c.addAll(List.of("--symlink", Files.readSymbolicLink(p).toString(), top));
                } catch (java.io.IOException e) {
                    // Unreadable link: left out, as on a system without it.
                }
            } else if (Files.isDirectory(p)) {
                c.addAll(List.of("--ro-bind", top, top));
            }
        }
        if (!javaHome.startsWith("/usr/")) {
            c.addAll(List.of("--ro-bind", javaHome.toString(), javaHome.toString()));
        }
        // A resolv.conf managed elsewhere (systemd-resolved) is a link out of /etc.
        Path resolv = Path.of("/etc/resolv.conf");
        if (Files.isSymbolicLink(resolv)) {
            try {
                Path real = resolv.toRealPath();
                if (!real.startsWith("/usr/") && !real.startsWith("/etc/")) {
                    c.addAll(List.of("--ro-bind", real.toString(), real.toString()));
                }
            } catch (java.io.IOException e) {
                // A dangling link: name resolution fails inside as it does outside.
            }
        }
        return c;
    }

    /** Only what builds need; heap flags keep runtimes inside the memory limit instead of crashing into it. */
    private Map<String, String> environment(Step step, SandboxLimits limits) {
        long heapMb = Math.max(32, limits.memoryBytes() / 2 / (1 << 20));
        Map<String, String> env = new LinkedHashMap<>();
        env.put("PATH", javaHome.resolve("bin") + ":/usr/local/bin:/usr/bin:/bin");
        env.put("HOME", "/tmp/home");
        env.put("TMPDIR", "/tmp");
        env.put("LANG", "C.UTF-8");
        env.put("CI", "true");
        env.put("JAVA_HOME", javaHome.toString());
        env.put("JAVA_TOOL_OPTIONS", "-Xmx" + heapMb + "m");
        if (Runtime.version().feature() >= 24) {
            // Maven 3.8 on JDK 24+ warns about sun.misc.Unsafe in its own Guava; the noise would crowd the output.
            env.put("MAVEN_OPTS", "--sun-misc-unsafe-memory-access=allow");
        }
        step.env().forEach((k, v) -> env.put(k, v.replace(StackPlan.HEAP_MB, Long.toString(heapMb))));
        return env;
    }

    private static String id() {
        return Integer.toString(INSIDE_ID);
    }
}
