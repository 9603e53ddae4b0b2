package dev.ecopulse.aggregator.rest;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.ecopulse.aggregator.config.DataNotice;
import dev.ecopulse.aggregator.scoring.MethodologyLoader;
import org.junit.jupiter.api.Test;

class MethodologyViewTest {

    private final ObjectMapper json = new ObjectMapper();

    @Test
    void sampleDataIsAnnouncedFirstInTheMethodology() {
        JsonNode view = json.valueToTree(MethodologyView.of(MethodologyLoader.loadDefault(), DataNotice.of(true)));

        assertThat(view.fieldNames().next()).isEqualTo("dataNotice");
        assertThat(view.get("dataNotice").asText()).startsWith("SAMPLE DATA:").contains("invented");
        assertThat(view.get("version").asText()).isNotBlank();
    }

    @Test
    void collectedDataCarriesNoNotice() {
        JsonNode view = json.valueToTree(MethodologyView.of(MethodologyLoader.loadDefault(), DataNotice.of(false)));

        assertThat(view.has("dataNotice")).isFalse();
        assertThat(view.get("bands").size()).isPositive();
    }

    @Test
    void theServedMethodologyDescribesTheRulesFloorsSharesAndTies() {
        JsonNode view = json.valueToTree(MethodologyView.of(MethodologyLoader.loadDefault(), DataNotice.of(false)));

        assertThat(view.get("version").asText()).isEqualTo("2026.4");
        assertThat(view.get("rules").toString()).contains("Not applicable", "Stale", "Missing", "Attribution",
                "Companions", "Adoption weights", "Pre-releases");
        JsonNode downloads = view.get("framework").get(0).get("signals").get(2);
        assertThat(downloads.get("id").asText()).isEqualTo("downloads30d");
        assertThat(downloads.get("floor").asDouble()).isPositive();
        assertThat(downloads.get("frameworkAggregate").asText()).contains("attribution share");
        assertThat(view.get("shares").get("measures").toString()).contains("downloads30d", "starsGained90d");
        assertThat(view.get("ties").get("maturityTieWithin").asDouble()).isEqualTo(1.0);
    }
}
