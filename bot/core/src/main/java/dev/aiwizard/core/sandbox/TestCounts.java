package dev.aiwizard.core.sandbox;

/** Tests as a runner's own reports count them: run = passed + failed + skipped; errors count as failed. */
public record TestCounts(int run, int passed, int failed, int skipped) {
    public TestCounts {
        if (run < 0 || passed < 0 || failed < 0 || skipped < 0 || passed + failed + skipped != run) {
            throw new IllegalArgumentException("inconsistent test counts: run " + run + ", passed " + passed
                    + ", failed " + failed + ", skipped " + skipped);
        }
    }

    /** No tests at all. */
    public static final TestCounts NONE = new TestCounts(0, 0, 0, 0);

    /** These counts plus {@code other}'s (reports come one file per test class). */
    public TestCounts plus(TestCounts other) {
        return new TestCounts(run + other.run, passed + other.passed, failed + other.failed, skipped + other.skipped);
    }

    /** "41 passed, 3 failed, 1 skipped"; parts that are zero are left out, "none ran" when nothing ran. */
    public String describe() {
        if (run == 0) {
            return "none ran";
        }
        StringBuilder out = new StringBuilder().append(passed).append(" passed");
        if (failed > 0) {
            out.append(", ").append(failed).append(" failed");
        }
        if (skipped > 0) {
            out.append(", ").append(skipped).append(" skipped");
        }
        return out.toString();
    }
}
