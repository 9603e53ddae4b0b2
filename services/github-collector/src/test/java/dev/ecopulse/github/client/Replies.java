package dev.ecopulse.github.client;

import dev.ecopulse.collector.client.http.UpstreamReply;
import java.time.Instant;
import java.util.Map;

/** GitHub answers built in memory, as the upstream toolkit hands them over. */
public final class Replies {

    private Replies() {
    }

    public static UpstreamReply reply(Endpoint endpoint, int status, Map<String, String> headers, String body,
            Instant at, boolean reused) {
        UpstreamReply reply = UpstreamReply.answered(status, headers, body, at).to(endpoint.label(), 1);
        return reused ? reply.reusing(reply) : reply;
    }
}
