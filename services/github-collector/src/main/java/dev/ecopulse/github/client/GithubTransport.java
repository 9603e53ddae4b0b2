package dev.ecopulse.github.client;

import dev.ecopulse.collector.client.UpstreamMetrics;
import dev.ecopulse.contract.event.ObservationSource;
import io.smallrye.faulttolerance.api.ExponentialBackoff;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.ws.rs.ProcessingException;
import jakarta.ws.rs.core.Response;
import java.time.temporal.ChronoUnit;
import java.util.function.Supplier;
import org.eclipse.microprofile.faulttolerance.Retry;

/**
 * Sends one request and reads the whole answer. 5xx answers, timeouts and lost connections are retried a few times
 * with exponential backoff (SmallRye Fault Tolerance); after that the caller gets {@link UpstreamUnavailableException}.
 * Every attempt is counted by endpoint and status.
 */
@ApplicationScoped
public class GithubTransport {

    private static final String SOURCE = ObservationSource.GITHUB.id();

    private final UpstreamMetrics metrics;
    private final Sleeper sleeper;

    GithubTransport(UpstreamMetrics metrics, Sleeper sleeper) {
        this.metrics = metrics;
        this.sleeper = sleeper;
    }

    @Retry(maxRetries = 2, delay = 2, delayUnit = ChronoUnit.SECONDS, jitter = 500,
            retryOn = UpstreamUnavailableException.class)
    @ExponentialBackoff(factor = 2, maxDelay = 1, maxDelayUnit = ChronoUnit.MINUTES)
    public Answer exchange(Endpoint endpoint, Supplier<Response> request) {
        Answer answer;
        try (Response response = request.get()) {
            answer = Answer.read(endpoint, response, sleeper.now());
        } catch (ProcessingException e) {
            metrics.record(SOURCE, endpoint.label(), UpstreamMetrics.NO_ANSWER);
            throw new UpstreamUnavailableException("GitHub gave no answer (" + rootMessage(e) + ")", e);
        }
        metrics.record(SOURCE, endpoint.label(), answer.status());
        if (answer.status() >= 500) {
            throw new UpstreamUnavailableException("GitHub answered " + answer.status() + " (retried with backoff)");
        }
        return answer;
    }

    private static String rootMessage(Throwable e) {
        Throwable root = e;
        while (root.getCause() != null && root.getCause() != root) {
            root = root.getCause();
        }
        String message = root.getMessage();
        return root.getClass().getSimpleName() + (message == null ? "" : ": " + message);
    }
}
