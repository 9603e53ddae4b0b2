package dev.ecopulse.research.client;

import static org.assertj.core.api.Assertions.assertThat;

import dev.ecopulse.research.support.Fixtures;
import org.junit.jupiter.api.Test;

class OpenAlexDocumentsTest {

    @Test
    void readsTheCountOfAListAnswer() {
        assertThat(OpenAlexDocuments.count(Fixtures.read("openalex/works-count.json"))).contains(18734L);
    }

    @Test
    void readsAGroupedAnswersTotalToo() {
        String grouped = """
                {"meta": {"count": 246136992, "groups_count": 2}, "results": [],
                 "group_by": [{"key": "article", "key_display_name": "article", "count": 202814957}]}""";
        assertThat(OpenAlexDocuments.count(grouped)).contains(246136992L);
    }

    @Test
    void refusesAnAnswerWithoutAWholeCount() {
        assertThat(OpenAlexDocuments.count("{\"meta\": {\"count\": \"many\"}, \"results\": []}")).isEmpty();
        assertThat(OpenAlexDocuments.count("{\"meta\": {\"count\": -1}}")).isEmpty();
        assertThat(OpenAlexDocuments.count("{\"meta\": {\"count\": 12.5}}")).isEmpty();
        assertThat(OpenAlexDocuments.count("{\"results\": []}")).isEmpty();
        assertThat(OpenAlexDocuments.count("{\"meta\": {\"count\": 12}")).as("truncated").isEmpty();
        assertThat(OpenAlexDocuments.count("{\"meta\": {\"count\": 12}} {}")).as("padded").isEmpty();
        assertThat(OpenAlexDocuments.count("<html>502 Bad Gateway</html>")).isEmpty();
        assertThat(OpenAlexDocuments.count("")).isEmpty();
    }

    @Test
    void namesAnErrorByItsErrorAndMessage() {
        assertThat(OpenAlexDocuments.error(Fixtures.read("openalex/invalid-filter.json"))).hasValueSatisfying(m ->
                assertThat(m).startsWith("Invalid query parameters error.: to_publication_date is not a valid field")
                        .hasSizeLessThanOrEqualTo(301));
        assertThat(OpenAlexDocuments.error("{\"error\": \"Rate limit exceeded\"}")).contains("Rate limit exceeded");
        assertThat(OpenAlexDocuments.error("{\"meta\": {}}")).isEmpty();
        assertThat(OpenAlexDocuments.error("Forbidden")).isEmpty();
    }
}
