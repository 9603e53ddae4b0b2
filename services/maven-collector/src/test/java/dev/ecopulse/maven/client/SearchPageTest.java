package dev.ecopulse.maven.client;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.Instant;
import org.junit.jupiter.api.Test;

class SearchPageTest {

    static final Coordinate GUICE = new Coordinate("com.google.inject", "guice");

    @Test
    void readsTheSolrGavAnswer() throws Exception {
        String body = """
                {"responseHeader":{"status":0,"QTime":2,"params":{"q":"g:\\"com.google.inject\\" AND a:\\"guice\\"",
                  "core":"gav","start":"0","rows":"200","wt":"json","version":"2.2"}},
                 "response":{"numFound":86,"start":0,"docs":[
                  {"id":"com.google.inject:guice:7.0.0","g":"com.google.inject","a":"guice","v":"7.0.0","p":"jar",
                   "timestamp":1683046123000,"ec":[".pom",".jar","-sources.jar"],"tags":["guice","injection"]},
                  {"id":"com.google.inject:guice:6.0.0","g":"com.google.inject","a":"guice","v":"6.0.0","p":"jar",
                   "timestamp":1652724405000,"ec":[".pom",".jar"]}]}}
                """;

        SearchPage page = SearchPage.parse(body, GUICE);

        assertThat(page.numFound()).isEqualTo(86);
        assertThat(page.releases()).containsExactly(
                new VersionRelease("7.0.0", Instant.ofEpochMilli(1683046123000L)),
                new VersionRelease("6.0.0", Instant.ofEpochMilli(1652724405000L)));
    }

    @Test
    void aVersionWithoutTimestampSpoilsThePage() {
        String body = "{\"response\":{\"numFound\":2,\"start\":0,\"docs\":[{\"g\":\"com.google.inject\","
                + "\"a\":\"guice\",\"v\":\"7.0.0\",\"timestamp\":1683046123000},{\"g\":\"com.google.inject\","
                + "\"a\":\"guice\",\"v\":\"6.0.0\",\"timestamp\":\"soon\"}]}}";

        assertThatThrownBy(() -> SearchPage.parse(body, GUICE)).isInstanceOf(MalformedAnswerException.class)
                .hasMessage("version 6.0.0 has no release 'timestamp'");
    }

    @Test
    void refusesAnswersThatAreNotASearchResult() {
        assertThatThrownBy(() -> SearchPage.parse("<html>504 Gateway Time-out</html>", GUICE))
                .hasMessage("it is not JSON");
        assertThatThrownBy(() -> SearchPage.parse("{\"responseHeader\":{}}", GUICE))
                .hasMessage("it has no 'response' object");
        assertThatThrownBy(() -> SearchPage.parse("{\"response\":{\"numFound\":-1,\"docs\":[]}}", GUICE))
                .hasMessage("'numFound' is not a count");
        assertThatThrownBy(() -> SearchPage.parse("{\"response\":{\"numFound\":1,\"docs\":[{\"g\":\"org.other\","
                + "\"a\":\"guice\",\"v\":\"1\",\"timestamp\":1}]}}", GUICE))
                .hasMessage("it lists org.other:guice, not com.google.inject:guice");
    }
}
