package dev.aiwizard.app;

import dev.aiwizard.core.Telemetry;
import dev.aiwizard.core.job.JobState;
import io.helidon.metrics.api.Counter;
import io.helidon.metrics.api.MeterRegistry;
import io.helidon.metrics.api.Metrics;
import io.helidon.metrics.api.Tag;
import io.helidon.metrics.api.Timer;
import java.time.Duration;
import java.util.List;
import java.util.Locale;

/**
 * The engine's telemetry as Helidon metrics, served on {@code /metrics}: {@code wizard_turn} (time per handled
 * message, by platform), {@code wizard_conversations_started} and {@code wizard_job} (job run time, by final state).
 */
final class MetricsTelemetry implements Telemetry {
    private final MeterRegistry registry = Metrics.globalRegistry();

    @Override
    public void turn(String platform, Duration took) {
        registry.getOrCreate(Timer.builder("wizard.turn").tags(List.of(Tag.create("platform", platform)))
                .description("Time to store, interview and answer one message")).record(took);
    }

    @Override
    public void conversationStarted(String platform) {
        registry.getOrCreate(Counter.builder("wizard.conversations.started")
                .tags(List.of(Tag.create("platform", platform))).description("Conversations started")).increment();
    }

    @Override
    public void jobFinished(JobState state, Duration took) {
        registry.getOrCreate(Timer.builder("wizard.job")
                .tags(List.of(Tag.create("state", state.name().toLowerCase(Locale.ROOT))))
                .description("Generation job run time by final state")).record(took);
    }
}
