package dev.ecopulse.ops.config;

import dev.ecopulse.ops.Repo;
import java.io.IOException;
import java.io.Reader;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.util.Properties;

/** The HTTP port each service listens on by default ({@code quarkus.http.port} in its application.properties). */
public final class ServicePorts {

    private ServicePorts() {
    }

    public static int of(String service) {
        Properties properties = new Properties();
        try (Reader reader = Files.newBufferedReader(
                Repo.path("services/" + service + "/src/main/resources/application.properties"))) {
            properties.load(reader);
        } catch (IOException e) {
            throw new UncheckedIOException("cannot read the application.properties of " + service, e);
        }
        String port = properties.getProperty("quarkus.http.port");
        if (port == null) {
            throw new IllegalStateException(service + " sets no quarkus.http.port");
        }
        return Integer.parseInt(port.trim());
    }
}
