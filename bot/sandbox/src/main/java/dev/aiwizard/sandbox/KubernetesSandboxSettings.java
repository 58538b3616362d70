package dev.aiwizard.sandbox;

import static java.util.Objects.requireNonNull;

import java.time.Duration;
import java.util.regex.Pattern;

/**
 * Where and how the Kubernetes sandbox runs its Jobs: the namespace (empty: the client's own, i.e. the bot pod's), the image (one with the stacks' tools: the bot's
 * own image has them), the PersistentVolumeClaim holding the shared dependency cache, the CPU each Job may use, how
 * long finished Jobs stay for inspection ({@code ttlSecondsAfterFinished}) and how often their status is read.
 */
public record KubernetesSandboxSettings(String namespace, String image, String cacheClaim, String cpu,
                                        Duration ttlAfterFinished, Duration pollInterval) {
    private static final Pattern DNS_LABEL = Pattern.compile("[a-z0-9]([-a-z0-9]{0,61}[a-z0-9])?");
    private static final Pattern CPU = Pattern.compile("[0-9]+(\\.[0-9]+)?m?");

    public KubernetesSandboxSettings {
        requireNonNull(namespace, "namespace");
        requireNonNull(image, "image");
        requireNonNull(cacheClaim, "cacheClaim");
        requireNonNull(cpu, "cpu");
        requireNonNull(ttlAfterFinished, "ttlAfterFinished");
        requireNonNull(pollInterval, "pollInterval");
        if (!namespace.isEmpty() && !DNS_LABEL.matcher(namespace).matches()) {
            throw new IllegalArgumentException("WIZARD_K8S_NAMESPACE must be a Kubernetes namespace name, was '"
                    + namespace + "'");
        }
        if (image.isBlank() || image.chars().anyMatch(Character::isWhitespace)) {
            throw new IllegalArgumentException("WIZARD_K8S_SANDBOX_IMAGE must name an image, was '" + image + "'");
        }
        if (!DNS_LABEL.matcher(cacheClaim).matches()) {
            throw new IllegalArgumentException("WIZARD_K8S_CACHE_CLAIM must name a PersistentVolumeClaim, was '"
                    + cacheClaim + "'");
        }
        if (!CPU.matcher(cpu).matches()) {
            throw new IllegalArgumentException("WIZARD_K8S_SANDBOX_CPU must be a CPU quantity (1, 500m), was '"
                    + cpu + "'");
        }
        if (ttlAfterFinished.isNegative()) {
            throw new IllegalArgumentException("WIZARD_K8S_JOB_TTL_SECONDS must not be negative");
        }
        if (pollInterval.toMillis() < 10) {
            throw new IllegalArgumentException("the Job poll interval must be at least 10 ms, was " + pollInterval);
        }
    }
}
