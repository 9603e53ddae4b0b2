package dev.ecopulse.github.client;

import com.fasterxml.jackson.core.type.TypeReference;
import dev.ecopulse.collector.client.http.ConditionalCache;
import dev.ecopulse.collector.client.http.ConditionalCaches;
import dev.ecopulse.collector.client.http.UpstreamReply;
import dev.ecopulse.collector.client.http.UpstreamRequest;
import dev.ecopulse.collector.run.RunContext;
import dev.ecopulse.github.config.GithubConfig;
import jakarta.enterprise.context.ApplicationScoped;
import java.util.Map;
import java.util.Optional;

/**
 * REST GETs with {@code If-None-Match}: a 200 is remembered with its ETag (its {@code link} header and body only),
 * and a later 304 is answered from memory, so an unchanged answer costs nothing (with a token, GitHub does not count
 * an authorised 304).
 */
@ApplicationScoped
public class ConditionalGets {

    private final GithubCaller caller;
    private final ConditionalCache<UpstreamReply> cache;

    /** REST GETs per repository and run: only the contributors with a token, every signal without. */
    static final int WITH_TOKEN = 1;
    static final int WITHOUT_TOKEN = 8;

    ConditionalGets(GithubCaller caller, GithubConfig config, ConditionalCaches caches) {
        this.caller = caller;
        this.cache = caches.cache("github-rest", config.authorized() ? WITH_TOKEN : WITHOUT_TOKEN,
                config.etagCacheSize(), new TypeReference<>() {
                });
    }

    public UpstreamReply get(Endpoint endpoint, RunContext run, UpstreamRequest request) throws InterruptedException {
        Optional<ConditionalCache.Entry<UpstreamReply>> remembered = cache.get(request.uri());
        UpstreamReply answer = caller.call(endpoint, 1, run,
                () -> request.ifNoneMatch(remembered.map(ConditionalCache.Entry::etag).orElse(null)));
        if (answer.status() == 304) {
            if (remembered.isEmpty()) {
                throw new UpstreamException("GitHub answered 304 to a request sent without an ETag");
            }
            return answer.reusing(remembered.get().value());
        }
        if (answer.status() == 200) {
            String link = answer.header("link");
            cache.put(request.uri(), answer.etag(), UpstreamReply.answered(200,
                    link == null ? Map.of() : Map.of("link", link), answer.body(), answer.receivedAt()));
        }
        return answer;
    }
}
