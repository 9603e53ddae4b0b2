package dev.ecopulse.support.rest;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.util.HashMap;
import java.util.Map;
import org.junit.jupiter.api.Test;

class ProblemTest {

    private final ObjectMapper mapper = new ObjectMapper();

    @Test
    void writesTheStandardMembersAndLeavesAbsentOnesOut() {
        JsonNode json = mapper.valueToTree(new Problem("about:blank", "Not Found", 404, "no such project: x", null,
                null));

        assertThat(json.fieldNames()).toIterable().containsExactly("type", "title", "status", "detail");
        assertThat(json.get("status").asInt()).isEqualTo(404);
    }

    @Test
    void writesExtensionsBesideTheStandardMembers() {
        Map<String, Object> extensions = new HashMap<>();
        extensions.put("runId", "r-1");
        extensions.put("absent", null);

        JsonNode json = mapper.valueToTree(new Problem("about:blank", "Conflict", 409, "busy", "/collect",
                extensions));

        assertThat(json.get("runId").asText()).isEqualTo("r-1");
        assertThat(json.has("absent")).isFalse();
        assertThat(json.has("extensions")).isFalse();
    }
}
