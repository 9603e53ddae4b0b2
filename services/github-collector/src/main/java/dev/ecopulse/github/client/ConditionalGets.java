package dev.ecopulse.github.client;

import dev.ecopulse.collector.client.EtagCache;
import dev.ecopulse.collector.run.RunContext;
import dev.ecopulse.github.config.GithubConfig;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.ws.rs.core.Response;
import java.util.Map;
import java.util.Optional;
import java.util.function.Function;

/**
 * REST GETs with {@code If-None-Match}: a 200 is remembered with its ETag, and a later 304 is answered from memory,
 * so an unchanged answer costs nothing (with a token, GitHub does not count an authorised 304).
 */
@ApplicationScoped
public class ConditionalGets {

    private final GithubCaller caller;
    private final EtagCache cache;

    ConditionalGets(GithubCaller caller, GithubConfig config) {
        this.caller = caller;
        this.cache = new EtagCache(config.etagCacheSize());
    }

    /**
     * @param key identifies the request (endpoint, repository, parameters)
     * @param request sends the request with the remembered ETag ({@code null} when there is none)
     */
    public Answer get(Endpoint endpoint, String key, RunContext run, Function<String, Response> request)
            throws InterruptedException {
        Optional<EtagCache.Entry> remembered = cache.get(key);
        Answer answer = caller.call(endpoint, 1, run,
                () -> request.apply(remembered.map(EtagCache.Entry::etag).orElse(null)));
        if (answer.status() == 304) {
            if (remembered.isEmpty()) {
                throw new UpstreamException("GitHub answered 304 to a request sent without an ETag");
            }
            Stored stored = Stored.decode(remembered.get().body());
            return answer.reusing(stored.headers(), stored.body());
        }
        if (answer.status() == 200) {
            cache.put(key, answer.header("etag"), Stored.of(answer).encode());
        }
        return answer;
    }

    /** The parts of an answer a 304 stands for: the {@code link} header and the body, kept as one string. */
    private record Stored(String link, String body) {

        static Stored of(Answer answer) {
            return new Stored(Optional.ofNullable(answer.header("link")).orElse(""), answer.body());
        }

        Map<String, String> headers() {
            return link.isEmpty() ? Map.of() : Map.of("link", link);
        }

        /** Header values never hold a line break, so the first line holds the link header. */
        String encode() {
            return link + "\n" + body;
        }

        static Stored decode(String encoded) {
            int newline = encoded.indexOf('\n');
            return new Stored(encoded.substring(0, newline), encoded.substring(newline + 1));
        }
    }
}
