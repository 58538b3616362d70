package dev.aiwizard.core.job;

import java.util.List;

/**
 * How a delivery tells what running the project's tests showed: the pull request's Validation section and the
 * chat's one line. Never says the tests pass unless they ran and passed.
 */
final class ValidationText {
    /** The label a pull request carries while its tests fail. */
    static final String FAILING_LABEL = "wizard:tests-failing";
    private static final int MAX_LISTED_FAILURES = 20;
    private static final int MAX_OUTPUT_LINES = 40;

    private ValidationText() {
    }

    /** The pull request body's section; {@code null}: validation is switched off. */
    static String section(Verification v, String engine) {
        StringBuilder md = new StringBuilder("## Validation\n\n");
        if (v == null) {
            return md.append("The bot did **not** run the tests (validation is switched off here: "
                    + "`WIZARD_VALIDATE=never`); the project's CI or a reviewer should.\n\n").toString();
        }
        md.append(switch (v.outcome()) {
            case PASSED -> "**Passed.** ";
            case FAILED -> "**Failing.** ";
            case NOT_RUN -> "**Not run.** ";
        }).append(capitalised(v.summary())).append(".\n\n");
        if (v.outcome() != Verification.Outcome.NOT_RUN) {
            md.append("- Command: `").append(v.command()).append("`, in a sandbox (no network, the project folder "
                    + "the only writable place, limited time, memory and processes)\n");
            md.append("- Tests (from the test runner's reports): ").append(v.run()).append(" run, ").append(v.passed())
                    .append(" passed, ").append(v.failed()).append(" failed, ").append(v.skipped())
                    .append(" skipped\n");
            md.append("- Duration: ").append(seconds(v)).append('\n');
        }
        md.append("- Repair rounds by the model: ").append(v.repairRounds()).append('\n');
        if (!v.succeeded()) {
            md.append(stillFailing(v)).append(bug(engine));
        }
        if (!v.output().isBlank() && !v.succeeded()) {
            List<String> lines = v.output().lines().toList();
            md.append("\n<details><summary>The last lines of the output</summary>\n\n```\n")
                    .append(String.join("\n", lines.subList(Math.max(0, lines.size() - MAX_OUTPUT_LINES),
                            lines.size()).stream().map(l -> l.replace("```", "ʼʼʼ")).toList()))
                    .append("\n```\n\n</details>\n");
        }
        return md.append('\n').toString();
    }

    /** The chat's line(s) about the tests, ending in a newline; empty when validation is switched off. */
    static String chatLine(Verification v, String engine, boolean pullRequest) {
        if (v == null) {
            return "";
        }
        String line = "Validation: " + v.summary();
        if (v.succeeded()) {
            return line + (v.repairRounds() == 0 ? "" : " (after " + rounds(v.repairRounds()) + " of repair)")
                    + ".\n";
        }
        if (v.outcome() == Verification.Outcome.NOT_RUN) {
            return line + ". Nothing generated was run; check it yourself before merging.\n";
        }
        return line + (v.repairRounds() == 0 ? "" : ", still after " + rounds(v.repairRounds()) + " of repair")
                + ". " + (pullRequest ? "The pull request is a draft labelled `" + FAILING_LABEL + "`. " : "")
                + "Say `change <what>` to try again."
                + (fromTemplates(engine) ? " These files come from the bot's own offline templates: this is a bug in "
                        + "AI Wizard; please report it." : "") + "\n";
    }

    private static String stillFailing(Verification v) {
        if (v.failing().isEmpty()) {
            return v.reason() == null ? "" : "- What went wrong: " + v.reason() + "\n";
        }
        StringBuilder md = new StringBuilder("- Still failing:");
        v.failing().stream().limit(MAX_LISTED_FAILURES).forEach(t -> md.append(" `").append(t).append('`'));
        if (v.failing().size() > MAX_LISTED_FAILURES) {
            md.append(" and ").append(v.failing().size() - MAX_LISTED_FAILURES).append(" more");
        }
        return md.append('\n').toString();
    }

    /** The offline templates are ours: when they fail their own tests, that is the bot's bug, not the spec's. */
    private static String bug(String engine) {
        return fromTemplates(engine) ? "- These files come from AI Wizard's own offline templates, which must pass "
                + "their own tests: this is a bug in AI Wizard, not in the spec; please report it.\n" : "";
    }

    private static boolean fromTemplates(String engine) {
        return engine.startsWith("offline:");
    }

    private static String rounds(int n) {
        return n == 1 ? "1 round" : n + " rounds";
    }

    private static String seconds(Verification v) {
        long ms = v.duration().toMillis();
        return ms < 10_000 ? String.format(java.util.Locale.ROOT, "%.1f s", ms / 1000.0) : (ms + 500) / 1000 + " s";
    }

    private static String capitalised(String s) {
        return s.isEmpty() ? s : Character.toUpperCase(s.charAt(0)) + s.substring(1);
    }
}
