package dev.aiwizard.app.deploy;

import static dev.aiwizard.app.deploy.DeployArtefactsTest.DEPLOY;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.aiwizard.app.config.SettingsLoader;
import dev.aiwizard.core.testing.SpawnsProcesses;
import java.io.File;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.TimeUnit;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.yaml.snakeyaml.Yaml;

/**
 * deploy/compose.yaml resolved by {@code docker-compose config} (Debian's docker-compose 1.29; {@code config} needs no
 * container engine) with deploy/.env.example filled in as docs/operations.md says: the services, health checks,
 * volumes and start order the bot relies on, and an environment the bot accepts. The file must stay valid for Compose
 * v1.29 and v2 alike. ./wizard test installs docker-compose when it is missing; without it this test fails.
 */
@SpawnsProcesses
class ComposeConfigIT {
    private static final String PASSWORD = "compose-check-password";

    @TempDir
    Path install;

    @Test
    void composeResolvesTheBotPostgresAndRedisWithHealthChecksVolumesAndStartOrder() throws Exception {
        Map<String, Object> config = new Yaml().load(config(PASSWORD));
        Map<String, Map<String, Object>> services = new HashMap<>();
        map(config.get("services")).forEach((name, service) -> services.put(name, map(service)));
        assertEquals(Set.of("bot", "postgres", "redis"), services.keySet());
        services.forEach((name, service) -> assertTrue(service.containsKey("healthcheck"), name + " has a health check"));
        assertEquals(Set.of("wizard-data", "postgres-data", "redis-data"), map(config.get("volumes")).keySet());

        Map<String, Object> bot = services.get("bot");
        assertEquals(Map.of("postgres", Map.of("condition", "service_healthy"), "redis",
                Map.of("condition", "service_healthy")), bot.get("depends_on"), "the bot starts once both are healthy");
        assertEquals(List.of("CMD", "curl", "-fsS", "-o", "/dev/null", "http://127.0.0.1:8080/health/ready"),
                map(bot.get("healthcheck")).get("test"));
        assertEquals(List.of("wizard-data:/var/lib/ai-wizard:rw"), bot.get("volumes"));
        assertEquals(List.of("postgres-data:/var/lib/postgresql/data:rw"), services.get("postgres").get("volumes"));
        assertEquals(List.of("redis-data:/data:rw"), services.get("redis").get("volumes"));
        assertEquals(true, bot.get("read_only"));
        assertEquals(List.of("/tmp:size=2g"), bot.get("tmpfs"), "the only writable place besides the data volume");
        for (String name : List.of("postgres", "redis")) {
            assertTrue(services.get(name).get("image").toString().matches("[a-z]+:[0-9][0-9.]*"), "pinned " + name);
        }

        Map<String, String> env = new HashMap<>();
        map(bot.get("environment")).forEach((name, value) -> env.put(name, String.valueOf(value)));
        assertEquals(PASSWORD, env.get("WIZARD_DB_PASSWORD"), "the password from .env reaches the bot");
        assertEquals(PASSWORD, map(services.get("postgres").get("environment"))
                .get("POSTGRES_PASSWORD"));
        var settings = SettingsLoader.load(env);
        assertTrue(settings.persistence().dbUrl().contains("//postgres:"), settings.persistence().dbUrl());
        assertTrue(settings.persistence().redisUrl().contains("//redis:"), settings.persistence().redisUrl());
        assertEquals(List.of(Map.of("published", 8080, "target", settings.server().port())), bot.get("ports"));
        Duration stop = Duration.ofSeconds(Long.parseLong(bot.get("stop_grace_period").toString().replace("s", "")));
        assertTrue(stop.compareTo(settings.resilience().shutdownGrace().plusSeconds(10)) >= 0,
                "stop_grace_period " + stop + " outlasts the drain " + settings.resilience().shutdownGrace());
    }

    @Test
    void withoutAPostgresPasswordComposeRefusesToStartAndSaysWhere() throws Exception {
        Result result = run("");
        assertNotEquals(0, result.exit());
        assertTrue(result.stderr().contains("set POSTGRES_PASSWORD in deploy/.env"), result.stderr());
    }

    /** The resolved file, as {@code docker compose ... up} would use it. */
    private String config(String password) throws Exception {
        Result result = run(password);
        assertEquals(0, result.exit(), result.stderr());
        return result.stdout();
    }

    private record Result(int exit, String stdout, String stderr) {
    }

    /**
     * Lays the install out as an operator has it (deploy/compose.yaml beside deploy/.env copied from .env.example,
     * the password filled in) and runs {@code docker-compose -f deploy/compose.yaml --env-file deploy/.env config}
     * from its root, with none of this shell's variables (they would win over .env).
     */
    private Result run(String password) throws Exception {
        Path deploy = Files.createDirectories(install.resolve("deploy"));
        Files.copy(DEPLOY.resolve("compose.yaml"), deploy.resolve("compose.yaml"));
        Files.writeString(deploy.resolve(".env"), Files.readString(DEPLOY.resolve(".env.example"))
                .replace("\nPOSTGRES_PASSWORD=\n", "\nPOSTGRES_PASSWORD=" + password + "\n"));
        ProcessBuilder builder = new ProcessBuilder(dockerCompose(), "-f", "deploy/compose.yaml", "--env-file",
                "deploy/.env", "config").directory(install.toFile());
        builder.environment().clear();
        builder.environment().putAll(Map.of("PATH", System.getenv("PATH"), "HOME", install.toString()));
        Process process = builder.start();
        process.getOutputStream().close();
        var stdout = process.getInputStream().readAllBytes();
        var stderr = process.getErrorStream().readAllBytes();
        assertTrue(process.waitFor(60, TimeUnit.SECONDS), "docker-compose config finished");
        return new Result(process.exitValue(), new String(stdout, StandardCharsets.UTF_8),
                new String(stderr, StandardCharsets.UTF_8));
    }

    private static String dockerCompose() {
        return Stream.of(System.getenv("PATH").split(File.pathSeparator)).map(d -> Path.of(d, "docker-compose"))
                .filter(Files::isExecutable).findFirst().map(Path::toString)
                .orElseThrow(() -> new AssertionError("docker-compose is not installed, so compose.yaml cannot be"
                        + " checked: apt-get install docker-compose (./wizard test does this when run as root)"));
    }

    @SuppressWarnings("unchecked")
    private static Map<String, Object> map(Object yaml) {
        return (Map<String, Object>) yaml;
    }
}
