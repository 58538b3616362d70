package dev.aiwizard.app.deploy;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.aiwizard.app.config.SettingsLoader;
import dev.aiwizard.core.testing.SpawnsProcesses;
import dev.aiwizard.discord.DiscordSettings;
import io.fabric8.kubernetes.api.model.EnvVar;
import io.fabric8.kubernetes.api.model.apps.StatefulSet;
import java.io.File;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import java.util.stream.IntStream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * How the chart's Discord StatefulSet splits the shards: each pod runs the image's real entrypoint, which turns the
 * pod's ordinal into DISCORD_SHARDS, and the bot reads that as its shards. Together the pods run every shard once.
 */
@SpawnsProcesses
class DiscordShardsIT {
    @TempDir
    Path bin;

    @Test
    void thePodsOfTheStatefulSetRunEveryShardExactlyOnce() throws Exception {
        RenderedChart chart = RenderedChart.render(DeployArtefactsTest.CHART, Map.of("discord.enabled", "true",
                "discord.replicas", "3", "discord.shardsPerPod", "2"));
        StatefulSet set = chart.one(StatefulSet.class);
        // Stands in for the JVM the entrypoint starts, to show the shards it was handed.
        Path java = bin.resolve("java");
        Files.writeString(java, "#!/bin/sh\necho \"$DISCORD_SHARDS\"\n");
        Files.setPosixFilePermissions(java, PosixFilePermissions.fromString("rwxr-xr-x"));

        List<Integer> run = new ArrayList<>();
        for (int ordinal = 0; ordinal < set.getSpec().getReplicas(); ordinal++) {
            Map<String, String> env = new HashMap<>(chart.config());
            for (EnvVar var : set.getSpec().getTemplate().getSpec().getContainers().getFirst().getEnv()) {
                env.put(var.getName(), var.getValue());
            }
            env.put("DISCORD_SHARDS", entrypoint(env, RenderedChart.name(set) + "-" + ordinal));
            env.put("DISCORD_BOT_TOKEN", "discord-" + "chart-check");
            DiscordSettings discord = SettingsLoader.load(env).chat().discord();
            assertEquals(6, discord.shardTotal());
            run.addAll(discord.shards());
        }
        assertEquals(IntStream.range(0, 6).boxed().toList(), run.stream().sorted().toList(), "each shard once");
    }

    /** DISCORD_SHARDS as deploy/docker-entrypoint.sh computes it in the pod with this host name. */
    private String entrypoint(Map<String, String> podEnv, String hostName) throws Exception {
        ProcessBuilder builder = new ProcessBuilder("sh",
                DeployArtefactsTest.DEPLOY.resolve("docker-entrypoint.sh").toString());
        builder.environment().clear();
        builder.environment().putAll(podEnv);
        builder.environment().putAll(Map.of("HOSTNAME", hostName, "PATH", bin + File.pathSeparator + System.getenv("PATH")));
        builder.redirectErrorStream(true);
        Process process = builder.start();
        String out = new String(process.getInputStream().readAllBytes(), StandardCharsets.UTF_8).strip();
        assertTrue(process.waitFor(10, TimeUnit.SECONDS));
        assertEquals(0, process.exitValue(), out);
        return out;
    }
}
