package dev.ecopulse.github.client;

import dev.ecopulse.github.config.GithubConfig;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.ws.rs.core.MultivaluedHashMap;
import jakarta.ws.rs.core.MultivaluedMap;
import org.eclipse.microprofile.rest.client.ext.ClientHeadersFactory;

/** Headers GitHub asks every client to send, and the token when there is one (never logged). */
@ApplicationScoped
public class GithubHeaders implements ClientHeadersFactory {

    public static final String API_VERSION = "2022-11-28";
    public static final String USER_AGENT = "ecopulse-github-collector";

    private final GithubConfig config;

    GithubHeaders(GithubConfig config) {
        this.config = config;
    }

    @Override
    public MultivaluedMap<String, String> update(MultivaluedMap<String, String> incoming,
            MultivaluedMap<String, String> outgoing) {
        MultivaluedMap<String, String> headers = new MultivaluedHashMap<>();
        headers.putSingle("User-Agent", USER_AGENT);
        headers.putSingle("X-GitHub-Api-Version", API_VERSION);
        if (config.authorized()) {
            headers.putSingle("Authorization", "Bearer " + config.token().orElseThrow().trim());
        }
        return headers;
    }
}
