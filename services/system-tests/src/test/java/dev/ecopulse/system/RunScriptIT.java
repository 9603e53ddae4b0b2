package dev.ecopulse.system;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import dev.ecopulse.testsupport.FreePorts;
import java.io.IOException;
import java.net.URI;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermission;
import java.time.Duration;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * deploy/local/run.sh as an operator runs it (on free ports, never the defaults): a service killed with SIGKILL is
 * restarted with a log line while the rest keeps serving, the admin key appears on no command line, and a TERM to
 * run.sh stops everything it started.
 */
class RunScriptIT {

    private static final Path ROOT = Path.of(System.getProperty("ecopulse.deploy.dir", "../../deploy"))
            .toAbsolutePath().normalize().getParent();
    private static final Path DATA = Path.of("target", "run-script-data").toAbsolutePath();
    private static final Path OUTPUT = Path.of("target", "run-script.out").toAbsolutePath();
    private static final Map<String, Integer> PORTS = new LinkedHashMap<>();
    /** What run.sh starts besides Kafka and the store. */
    private static final List<String> SERVICES = List.of("aggregator", "github-collector", "pypi-collector",
            "maven-collector", "huggingface-collector", "stackexchange-collector", "npm-collector",
            "research-collector");
    private static Process runScript;

    @BeforeAll
    static void startTheStack() throws Exception {
        for (String service : SERVICES) {
            assertThat(ROOT.resolve("services/" + service + "/target/quarkus-app/quarkus-run.jar"))
                    .as("run.sh would build what is missing: package the services first").isRegularFile();
        }
        assertThat(ROOT.resolve("deploy/local/infra/target/ecopulse-local-infra.jar")).isRegularFile();
        deleteRecursively(DATA);
        ProcessBuilder builder = new ProcessBuilder("bash", ROOT.resolve("deploy/local/run.sh").toString())
                .directory(ROOT.toFile()).redirectErrorStream(true).redirectOutput(OUTPUT.toFile());
        Map<String, String> env = builder.environment();
        env.keySet().removeIf(k -> k.startsWith("ECOPULSE_") || k.startsWith("QUARKUS_")
                || k.equals("KAFKA_BOOTSTRAP_SERVERS") || k.equals("GITHUB_TOKEN") || k.equals("HF_TOKEN"));
        List<String> portVariables = new java.util.ArrayList<>(List.of("KAFKA_PORT", "KAFKA_CONTROLLER_PORT",
                "STORE_PORT"));
        SERVICES.forEach(s -> portVariables.add(s.toUpperCase(java.util.Locale.ROOT).replace('-', '_') + "_PORT"));
        for (String variable : portVariables) {
            int port = FreePorts.next();
            PORTS.put(variable, port);
            env.put(variable, Integer.toString(port));
        }
        env.put("ECOPULSE_DATA_DIR", DATA.toString());
        env.put("ECOPULSE_COLLECT_ON_START", "false"); // no upstream is reachable here
        env.put("ECOPULSE_READY_TIMEOUT", "150");
        runScript = builder.start();
        await().atMost(Duration.ofMinutes(6)).pollInterval(Duration.ofSeconds(1)).until(() -> {
            assertThat(runScript.isAlive()).as("run.sh is running; its output: %s", OUTPUT).isTrue();
            return output().contains("ecopulse is running");
        });
    }

    @AfterAll
    static void stopTheStack() throws Exception {
        if (runScript != null && runScript.isAlive()) {
            runScript.destroy();
            runScript.waitFor(90, TimeUnit.SECONDS);
        }
    }

    @Test
    void restartsAServiceKilledWithSigkillKeepsTheRestRunningAndStopsEverythingOnTerm() throws Exception {
        String adminKey = Files.readString(DATA.resolve("admin-key")).strip();
        assertThat(adminKey.length()).as("generated admin key").isGreaterThanOrEqualTo(24);
        assertThat(Files.getPosixFilePermissions(DATA.resolve("admin-key.header")))
                .containsExactlyInAnyOrder(PosixFilePermission.OWNER_READ, PosixFilePermission.OWNER_WRITE);
        assertThat(ProcessHandle.allProcesses().map(p -> p.info().commandLine().orElse(""))
                .filter(line -> line.contains(adminKey))).as("command lines holding the admin key").isEmpty();
        Map<String, Long> pids = new LinkedHashMap<>();
        List<String> processes = new java.util.ArrayList<>(List.of("kafka", "store"));
        processes.addAll(SERVICES);
        for (String name : processes) {
            pids.put(name, pid(name));
        }
        int collector = PORTS.get("PYPI_COLLECTOR_PORT");
        int aggregator = PORTS.get("AGGREGATOR_PORT");
        assertThat(ready(collector)).isTrue();

        ProcessHandle killed = ProcessHandle.of(pids.get("pypi-collector")).orElseThrow();
        assertThat(killed.destroyForcibly()).isTrue(); // SIGKILL
        await().atMost(Duration.ofSeconds(20)).until(() -> output().contains(
                "pypi-collector exited unexpectedly (code 137, pid " + pids.get("pypi-collector")
                        + "); restarting it in 1 s"));
        await().atMost(Duration.ofSeconds(120)).pollInterval(Duration.ofSeconds(1)).until(() -> ready(collector));
        assertThat(output()).contains("Restarting pypi-collector (restart 1 in a row)");
        assertThat(pid("pypi-collector")).isNotEqualTo(pids.get("pypi-collector"));
        assertThat(runScript.isAlive()).as("run.sh kept running").isTrue();
        assertThat(ready(aggregator)).as("the aggregator kept serving").isTrue();
        for (String other : processes.stream().filter(p -> !p.equals("pypi-collector")).toList()) {
            assertThat(ProcessHandle.of(pids.get(other)).map(ProcessHandle::isAlive)).as(other).contains(true);
        }

        long restarted = pid("pypi-collector");
        runScript.destroy(); // SIGTERM, as a service manager stops it
        assertThat(runScript.waitFor(120, TimeUnit.SECONDS)).as("run.sh ended").isTrue();
        pids.put("pypi-collector", restarted);
        for (Map.Entry<String, Long> process : pids.entrySet()) {
            assertThat(ProcessHandle.of(process.getValue()).map(ProcessHandle::isAlive).orElse(false))
                    .as(process.getKey() + " stopped with run.sh").isFalse();
        }
        assertThat(output()).contains("Stopping...").contains("pypi-collector stopped").contains("kafka stopped");
    }

    private static long pid(String name) throws IOException {
        return Long.parseLong(Files.readString(DATA.resolve("pids/" + name + ".pid")).strip());
    }

    private static boolean ready(int port) {
        try {
            HttpResponse<Void> response = ServiceProcess.HTTP.send(HttpRequest.newBuilder(
                    URI.create("http://127.0.0.1:" + port + "/q/health/ready")).timeout(Duration.ofSeconds(3))
                    .build(), HttpResponse.BodyHandlers.discarding());
            return response.statusCode() == 200;
        } catch (IOException e) {
            return false;
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            return false;
        }
    }

    private static String output() throws IOException {
        return Files.readString(OUTPUT);
    }

    private static void deleteRecursively(Path dir) throws IOException {
        if (Files.exists(dir)) {
            try (var paths = Files.walk(dir)) {
                paths.sorted(java.util.Comparator.reverseOrder()).forEach(p -> p.toFile().delete());
            }
        }
    }
}
