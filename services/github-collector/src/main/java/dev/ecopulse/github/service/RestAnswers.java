package dev.ecopulse.github.service;

import com.fasterxml.jackson.databind.JsonNode;
import dev.ecopulse.contract.event.EventJson;
import dev.ecopulse.collector.client.http.UpstreamReply;
import dev.ecopulse.github.client.LinkHeader;
import java.io.IOException;
import java.util.OptionalLong;

/** Reading REST answers: JSON bodies, error messages, and list sizes from the {@code link} header. */
final class RestAnswers {

    private RestAnswers() {
    }

    /** @throws UnreadableAnswerException when the body is not JSON */
    static JsonNode json(UpstreamReply answer) {
        try {
            JsonNode node = EventJson.mapper().readTree(answer.body());
            if (node == null || node.isMissingNode()) {
                throw new UnreadableAnswerException("GitHub answered an empty body to " + answer.endpoint());
            }
            return node;
        } catch (IOException e) {
            throw new UnreadableAnswerException("GitHub answered malformed JSON to " + answer.endpoint(), e);
        }
    }

    /** GitHub's {@code message} of an error answer, or empty text. */
    static String message(UpstreamReply answer) {
        try {
            JsonNode node = EventJson.mapper().readTree(answer.body());
            return node != null && node.path("message").isTextual() ? node.path("message").asText() : "";
        } catch (IOException e) {
            return "";
        }
    }

    /** "GitHub answered 451 (Repository access blocked)". */
    static String describe(UpstreamReply answer) {
        String message = message(answer);
        return "GitHub answered " + answer.status() + " to " + answer.endpoint()
                + (message.isEmpty() ? "" : " (" + message + ")");
    }

    /**
     * The size of a list asked for with {@code per_page=1}: the page number of {@code rel="last"}, or without it (one
     * page) the length of the array; 204 is an empty list.
     *
     * @throws UnreadableAnswerException when there is no link and the body is not a JSON array
     */
    static long listSize(UpstreamReply answer) {
        if (answer.status() == 204) {
            return 0;
        }
        OptionalLong last = LinkHeader.lastPage(answer.header("link"));
        if (last.isPresent()) {
            return last.getAsLong();
        }
        JsonNode list = json(answer);
        if (!list.isArray()) {
            throw new UnreadableAnswerException("GitHub's " + answer.endpoint() + " answer is not a list");
        }
        return list.size();
    }
}
