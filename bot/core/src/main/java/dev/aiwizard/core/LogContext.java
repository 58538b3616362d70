package dev.aiwizard.core;

/**
 * What the current thread works on — the platform, conversation and job — so every log line written meanwhile can
 * name them (the JSON log format does). Set for the length of a turn or a job run by the one place that starts it,
 * on the thread that runs it (turns and jobs each own a virtual thread), and restored when the scope closes.
 */
public final class LogContext {
    private static final ThreadLocal<Fields> CURRENT = new ThreadLocal<>();

    /** The ids known to the current thread; any may be null. */
    public record Fields(String platform, String conversationId, String jobId) {
        static final Fields EMPTY = new Fields(null, null, null);
    }

    /** Restores what was current before; closing it twice is harmless. */
    public interface Scope extends AutoCloseable {
        @Override
        void close();
    }

    private LogContext() {
    }

    /** What the current thread works on; every field null outside a turn or job. */
    public static Fields current() {
        Fields f = CURRENT.get();
        return f == null ? Fields.EMPTY : f;
    }

    /** Opens a scope in which the current thread works on {@code platform} (its conversation is learnt later). */
    public static Scope turn(String platform) {
        return open(new Fields(platform, null, null));
    }

    /** Opens a scope in which the current thread runs job {@code jobId} of {@code conversationId}. */
    public static Scope job(String jobId, String conversationId, String platform) {
        return open(new Fields(platform, conversationId, jobId));
    }

    /** The conversation the current scope turned out to be about; nothing outside a scope. */
    public static void conversation(String conversationId) {
        Fields f = CURRENT.get();
        if (f != null) {
            CURRENT.set(new Fields(f.platform(), conversationId, f.jobId()));
        }
    }

    private static Scope open(Fields fields) {
        Fields before = CURRENT.get();
        CURRENT.set(fields);
        return () -> {
            if (before == null) {
                CURRENT.remove();
            } else {
                CURRENT.set(before);
            }
        };
    }
}
