package dev.ecopulse.testsupport;

import static com.github.tomakehurst.wiremock.core.WireMockConfiguration.options;

import com.github.tomakehurst.wiremock.WireMockServer;
import io.quarkus.test.common.QuarkusTestResourceLifecycleManager;
import java.util.Arrays;
import java.util.Map;
import java.util.function.Function;
import java.util.stream.Collectors;

/**
 * Starts WireMock on a free port in place of the public APIs. The init arg {@code properties} lists the config
 * properties (comma-separated) that get its base URL, e.g. {@code ecopulse.pypi.url,ecopulse.pypistats.url}. Tests
 * receive the server in a field annotated {@link InjectWireMock}.
 */
public class WireMockResource implements QuarkusTestResourceLifecycleManager {

    public static final String PROPERTIES_ARG = "properties";

    private WireMockServer server;
    private String[] properties = new String[0];

    @Override
    public void init(Map<String, String> initArgs) {
        String list = initArgs.getOrDefault(PROPERTIES_ARG, "");
        properties = Arrays.stream(list.split(",")).map(String::trim).filter(s -> !s.isEmpty()).toArray(String[]::new);
    }

    @Override
    public Map<String, String> start() {
        server = new WireMockServer(options().dynamicPort().bindAddress("127.0.0.1"));
        server.start();
        String url = server.baseUrl();
        return Arrays.stream(properties).collect(Collectors.toMap(Function.identity(), p -> url));
    }

    @Override
    public void inject(TestInjector injector) {
        injector.injectIntoFields(server,
                new TestInjector.AnnotatedAndMatchesType(InjectWireMock.class, WireMockServer.class));
    }

    @Override
    public void stop() {
        if (server != null) {
            server.stop();
        }
    }
}
