package dev.ecopulse.ops.local;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.ecopulse.ops.Repo;
import dev.ecopulse.ops.Tools;
import dev.ecopulse.ops.config.ServiceConfig;
import dev.ecopulse.ops.config.ServicePorts;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;

/**
 * deploy/local/run.sh and its offline replay against the services' code and config: the services it starts on their
 * own ports, the variables it sets being configuration some service reads, every upstream URL pointed at the replay
 * in {@code --offline}, and replay files WireMock can load. The script itself runs in services/system-tests.
 */
class RunScriptTest {

    private static final Path SCRIPT = Repo.path("deploy/local/run.sh");
    private static final Path REPLAY = Repo.path("deploy/local/offline/replay");
    private static final Pattern PORT = Pattern.compile("\\[([a-z-]+)]=\"\\$\\{([A-Z_]+):-(\\d+)}\"");
    private static final Pattern EXPORT = Pattern.compile("(?m)^\\s*export ([^#\\n]+)");
    private static final Pattern ASSIGNMENT = Pattern.compile("([A-Z][A-Z0-9_]*)=");

    private static String script() throws Exception {
        return Files.readString(SCRIPT);
    }

    /** The part of the script that runs only with {@code --offline} before the broker starts. */
    private static String offlineBlock() throws Exception {
        String script = script();
        int start = script.indexOf("if $OFFLINE; then\n  start replay-server");
        assertThat(start).as("the offline block of run.sh").isPositive();
        return script.substring(start, script.indexOf("\nfi\n", start));
    }

    @Test
    void everyServiceIsStartedOnItsOwnDefaultPort() throws Exception {
        Map<String, String> ports = new LinkedHashMap<>();
        Matcher m = PORT.matcher(script());
        while (m.find()) {
            ports.put(m.group(1), m.group(3));
            assertThat(m.group(2)).as("port variable of " + m.group(1))
                    .isEqualTo(m.group(1).toUpperCase().replace('-', '_') + "_PORT");
        }
        assertThat(ports.keySet()).containsExactlyElementsOf(Repo.SERVICES);
        ports.forEach((service, port) -> assertThat(Integer.parseInt(port)).as(service)
                .isEqualTo(ServicePorts.of(service)));
        Matcher collectors = Pattern.compile("(?m)^COLLECTORS=\\(([^)]*)\\)").matcher(script());
        assertThat(collectors.find()).as("COLLECTORS=(...) in run.sh").isTrue();
        assertThat(List.of(collectors.group(1).trim().split("\\s+"))).containsExactlyElementsOf(Repo.COLLECTORS);
    }

    @Test
    void everyEcopulseVariableTheOfflineModeSetsIsConfigurationOfSomeService() throws Exception {
        List<ServiceConfig> configs = Repo.SERVICES.stream().map(ServiceConfig::of).toList();
        Set<String> exported = exported(offlineBlock());
        assertThat(exported).isNotEmpty();
        List<String> unknown = exported.stream().filter(v -> v.startsWith("ECOPULSE_") || v.startsWith("QUARKUS_"))
                .filter(v -> configs.stream().noneMatch(c -> c.understands(v))).toList();
        assertThat(unknown).as("variables run.sh --offline sets that no service reads (rule: ServiceConfig)").isEmpty();
    }

    @Test
    void theOfflineModePointsEveryUpstreamUrlAtTheReplayServer() throws Exception {
        String block = offlineBlock();
        Set<String> exported = exported(block);
        for (String collector : Repo.COLLECTORS) {
            List<String> urls = ServiceConfig.of(collector).properties().stream()
                    .filter(p -> p.startsWith("ecopulse.") && (p.endsWith(".url") || p.endsWith("-url")))
                    .map(ServiceConfig::environmentForm).toList();
            assertThat(urls).as("upstream URLs of " + collector).isNotEmpty();
            for (String url : urls) {
                assertThat(exported).as(collector + ": " + url + " set by run.sh --offline").contains(url);
                assertThat(block).containsPattern(url + "=\"\\$REPLAY_URL[^\"]*\"");
            }
        }
        // credentials are never sent to the replay
        for (String credential : Repo.UPSTREAM_CREDENTIALS.keySet()) {
            assertThat(block).as(credential).containsPattern("(unset [^\\n]*\\b" + credential + "\\b|export "
                    + credential + "=\"offline-sample-token\")");
        }
    }

    @Test
    void theReplayFilesAreWireMockMappingsWhoseBodiesExistAndAreLabelledSampleData() throws Exception {
        ObjectMapper json = new ObjectMapper();
        List<Path> files;
        try (Stream<Path> list = Files.list(REPLAY.resolve("mappings"))) {
            files = list.filter(f -> f.toString().endsWith(".json")).sorted().toList();
        }
        List<String> groups = files.stream().map(f -> f.getFileName().toString().replace(".json", "")).toList();
        assertThat(groups).contains("github", "pypi", "pypistats", "depsdev", "maven", "npm", "huggingface",
                "stackexchange", "research");
        List<String> problems = new ArrayList<>();
        for (Path file : files) {
            JsonNode mappings = json.readTree(file.toFile()).path("mappings");
            assertThat(mappings.isArray() && !mappings.isEmpty()).as(file.toString()).isTrue();
            for (JsonNode mapping : mappings) {
                String body = mapping.path("response").path("bodyFileName").asText(null);
                if (body != null && !Files.isRegularFile(REPLAY.resolve("__files").resolve(body))) {
                    problems.add(file.getFileName() + ": no body file " + body);
                }
            }
        }
        assertThat(problems).isEmpty();
        assertThat(Files.readString(REPLAY.resolve("SAMPLE-DATA.txt"))).startsWith("SAMPLE DATA")
                .contains("Hugging Face Hub", "Stack Exchange", "OpenAlex", "npm");
    }

    @Test
    void theScriptIsValidBash() throws Exception {
        Tools.Result result = Tools.run(List.of("bash", "-n", SCRIPT.toString()), Map.of());
        assertThat(result.exitCode()).as(result.output()).isZero();
    }

    private static Set<String> exported(String block) {
        Set<String> names = new LinkedHashSet<>();
        Matcher line = EXPORT.matcher(block);
        while (line.find()) {
            Matcher assignment = ASSIGNMENT.matcher(line.group(1));
            while (assignment.find()) {
                names.add(assignment.group(1));
            }
        }
        return names;
    }
}
