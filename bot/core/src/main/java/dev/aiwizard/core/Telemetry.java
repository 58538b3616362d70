package dev.aiwizard.core;

import dev.aiwizard.core.job.JobState;
import java.time.Duration;

/** Port: what the engine reports for operators' dashboards (the app exports it as metrics). */
public interface Telemetry {
    /** Reports nothing; for tests and tools. */
    Telemetry NONE = new Telemetry() {
        @Override
        public void turn(String platform, Duration took) {
        }

        @Override
        public void conversationStarted(String platform) {
        }

        @Override
        public void jobFinished(JobState state, Duration took) {
        }
    };

    /** One message in a thread was handled (stored, answered) in {@code took}. */
    void turn(String platform, Duration took);

    /** A new conversation began. */
    void conversationStarted(String platform);

    /** A job ended in {@code state} after running for {@code took}. */
    void jobFinished(JobState state, Duration took);
}
