package dev.ecopulse.github.service;

import com.fasterxml.jackson.databind.JsonNode;
import dev.ecopulse.contract.event.EventJson;
import dev.ecopulse.collector.client.http.UpstreamReply;
import java.io.IOException;
import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * A GraphQL answer taken apart: {@code data}, the {@code errors} grouped by the alias their {@code path} starts with,
 * and the {@code rateLimit} object.
 */
final class GraphqlAnswer {

    /**
     * One entry of {@code errors}; {@code field} is the second path element (e.g. {@code releases}), or null;
     * {@code leaf} the last one when the path goes deeper than that (e.g. a commit window's alias {@code w3}).
     */
    record Error(String type, String message, String field, String leaf) {

        String reason() {
            String text = (type == null ? "" : type + ": ") + (message == null ? "no message" : message);
            return "GitHub GraphQL error " + (text.length() > 200 ? text.substring(0, 200) + "…" : text);
        }
    }

    /** {@code rateLimit { cost limit remaining resetAt }}. */
    record RateLimit(long cost, long limit, long remaining, Instant resetAt) {
    }

    private final JsonNode data;
    private final Map<String, List<Error>> errorsByAlias = new LinkedHashMap<>();
    private final List<Error> unplacedErrors = new ArrayList<>();

    private GraphqlAnswer(JsonNode root) {
        this.data = root.path("data");
        for (JsonNode error : root.path("errors")) {
            JsonNode path = error.path("path");
            Error e = new Error(error.path("type").isTextual() ? error.path("type").asText() : null,
                    error.path("message").isTextual() ? error.path("message").asText() : null,
                    path.size() > 1 && path.get(1).isTextual() ? path.get(1).asText() : null,
                    path.size() > 2 && path.get(path.size() - 1).isTextual() ? path.get(path.size() - 1).asText()
                            : null);
            if (path.size() > 0 && path.get(0).isTextual()) {
                errorsByAlias.computeIfAbsent(path.get(0).asText(), a -> new ArrayList<>()).add(e);
            } else {
                unplacedErrors.add(e);
            }
        }
    }

    /** @throws UnreadableAnswerException when the body is not JSON or carries no {@code data} object */
    static GraphqlAnswer of(UpstreamReply answer) {
        JsonNode root;
        try {
            root = EventJson.mapper().readTree(answer.body());
        } catch (IOException e) {
            throw new UnreadableAnswerException("GitHub answered malformed JSON to the GraphQL query", e);
        }
        if (root == null || !root.isObject()) {
            throw new UnreadableAnswerException("GitHub's GraphQL answer is not a JSON object");
        }
        GraphqlAnswer parsed = new GraphqlAnswer(root);
        if (!parsed.data.isObject()) {
            throw new UnreadableAnswerException(parsed.unplacedErrors.stream().findFirst().map(Error::reason)
                    .orElse("GitHub's GraphQL answer holds no data"));
        }
        return parsed;
    }

    /** The object under {@code alias}; empty for null or absent. */
    Optional<JsonNode> alias(String alias) {
        JsonNode node = data.get(alias);
        return JsonValues.absent(node) ? Optional.empty() : Optional.of(node);
    }

    List<Error> errors(String alias) {
        return errorsByAlias.getOrDefault(alias, List.of());
    }

    /** Why an alias came back empty: its own error, else an error without path, else a plain statement. */
    String reasonFor(String alias) {
        return errors(alias).stream().findFirst().or(() -> unplacedErrors.stream().findFirst()).map(Error::reason)
                .orElse("GitHub's GraphQL answer holds no data for it");
    }

    Optional<RateLimit> rateLimit() {
        JsonNode node = data.path("rateLimit");
        Optional<Long> remaining = JsonValues.count(node.get("remaining"));
        Optional<Instant> resetAt = JsonValues.instant(node.get("resetAt"));
        if (remaining.isEmpty() || resetAt.isEmpty()) {
            return Optional.empty();
        }
        return Optional.of(new RateLimit(JsonValues.count(node.get("cost")).orElse(0L),
                JsonValues.count(node.get("limit")).orElse(-1L), remaining.get(), resetAt.get()));
    }
}
