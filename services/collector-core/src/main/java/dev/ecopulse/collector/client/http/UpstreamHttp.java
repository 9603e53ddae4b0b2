package dev.ecopulse.collector.client.http;

import dev.ecopulse.collector.client.RequestPacer;
import dev.ecopulse.collector.client.ThrottleBackoff;
import dev.ecopulse.collector.run.RunContext;
import dev.ecopulse.contract.time.TimeSource;
import java.time.Duration;
import org.jboss.logging.Logger;

/**
 * Talks to one upstream host, the polite and careful way: never more requests than the host allows (paced, not
 * rejected), a 429 waited out (Retry-After, else exponential backoff, bounded) and asked again, a few retries after no
 * answer or a 5xx, every attempt counted in metrics and in the run's cost, and every exchange bounded
 * ({@link BoundedExchange}: deadline, body cap, redirect and credential policy). Every wait goes through the one
 * {@link TimeSource}. Get instances from {@link Upstreams}.
 */
public class UpstreamHttp {

    private static final Logger LOG = Logger.getLogger(UpstreamHttp.class);

    /** Where attempts and throttle waits are counted. */
    interface Meter {
        void request(String endpoint, String status);

        void throttleWait(Duration wait);
    }

    private final UpstreamSettings settings;
    private final BoundedExchange exchange;
    private final RequestPacer pacer;
    private final ThrottleBackoff throttle;
    private final TimeSource time;
    private final Meter meter;

    UpstreamHttp(UpstreamSettings settings, long maxBody, boolean allowInsecure, TimeSource time, Meter meter) {
        this.settings = settings;
        this.exchange = new BoundedExchange(settings.timeout(), maxBody, allowInsecure, settings.userAgent());
        this.pacer = new RequestPacer(settings.limits(), time);
        this.throttle = settings.throttleRetries() < 0 ? null
                : new ThrottleBackoff(settings.throttleRetries(), settings.throttleBackoff(),
                        settings.throttleMaxWait(), time.clock());
        this.time = time;
        this.meter = meter;
    }

    public UpstreamSettings settings() {
        return settings;
    }

    /**
     * Sends {@code request} until it gets an answer worth handing back, or gives up with the reason.
     *
     * @param run where cost and waits are reported; null outside a run
     */
    public UpstreamReply send(UpstreamRequest request, RunContext run) throws InterruptedException {
        int throttled = 0;
        int failures = 0;
        int attempts = 0;
        while (true) {
            pacer.acquire();
            attempts++;
            UpstreamReply reply;
            try {
                reply = exchange.exchange(request, time.now());
            } catch (BoundedExchange.NoAnswerException e) {
                boolean sent = !e.getMessage().startsWith("not asked");
                if (sent) {
                    meter.request(request.endpoint(), "none");
                    cost(run, request.cost());
                }
                String reason = settings.name() + " " + e.getMessage();
                if (e.retryable && failures < settings.retries()) {
                    retryAfter(++failures, run, reason);
                    continue;
                }
                return UpstreamReply.failed(reason, false, time.now()).to(request.endpoint(), attempts);
            }
            int status = reply.status();
            meter.request(request.endpoint(), Integer.toString(status));
            if (!(status == 304 && settings.freeNotModified())) {
                cost(run, request.cost());
            }
            if (status == 429 && throttle != null) {
                ThrottleBackoff.Step step = throttle.next(++throttled, reply.header("retry-after"));
                if (!step.retry()) {
                    return UpstreamReply.failed(settings.name() + " " + step.giveUpReason(), true, time.now())
                            .to(request.endpoint(), attempts);
                }
                meter.throttleWait(step.delay());
                waitOut(run, step.delay(), "waiting " + step.delay().toSeconds() + " s: " + settings.name()
                        + " answered 429 to " + request.uri().getPath());
                continue;
            }
            if (status >= 500 && failures < settings.retries()) {
                retryAfter(++failures, run, settings.name() + " answered " + status);
                continue;
            }
            return reply.to(request.endpoint(), attempts);
        }
    }

    private void retryAfter(int failures, RunContext run, String reason) throws InterruptedException {
        Duration wait = settings.retryDelay().multipliedBy(1L << Math.min(failures - 1, 10));
        waitOut(run, wait, "retrying in " + BoundedExchange.seconds(wait) + ": " + reason);
    }

    /** Waits, saying why in the log and as the run's activity. */
    public void waitOut(RunContext run, Duration wait, String activity) throws InterruptedException {
        LOG.infof("%s", activity);
        if (run != null) {
            run.status(activity);
        }
        try {
            time.sleep(wait);
        } finally {
            if (run != null) {
                run.status(null);
            }
        }
    }

    private static void cost(RunContext run, long units) {
        if (run != null && units > 0) {
            run.addCost(units);
        }
    }
}
