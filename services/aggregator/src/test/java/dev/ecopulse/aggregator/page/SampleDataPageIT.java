package dev.ecopulse.aggregator.page;

import static io.restassured.RestAssured.given;
import static org.assertj.core.api.Assertions.assertThat;

import dev.ecopulse.testsupport.KafkaBrokerResource;
import dev.ecopulse.testsupport.MongoResource;
import io.quarkus.test.common.WithTestResource;
import io.quarkus.test.common.http.TestHTTPResource;
import io.quarkus.test.junit.QuarkusTest;
import io.quarkus.test.junit.QuarkusTestProfile;
import io.quarkus.test.junit.TestProfile;
import java.net.URL;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

/** With sample data, every page says so, above everything else, in the API's own words. */
@QuarkusTest
@TestProfile(SampleDataPageIT.SampleData.class)
@WithTestResource(KafkaBrokerResource.class)
@WithTestResource(MongoResource.class)
class SampleDataPageIT {

    public static class SampleData implements QuarkusTestProfile {
        @Override
        public Map<String, String> getConfigOverrides() {
            return Map.of("ecopulse.sample-data", "true");
        }
    }

    @TestHTTPResource("/")
    URL base;

    @Test
    void everyPageShowsTheSampleDataNotice() {
        String notice = given().get("/api/v1/methodology").then().statusCode(200).extract().path("dataNotice");
        assertThat(notice).startsWith("SAMPLE DATA");
        try (Browser browser = new Browser(base.toString())) {
            for (String page : List.of("/", "/frameworks/pytorch", "/compare?frameworks=pytorch,jax", "/methodology")) {
                browser.open(page);
                assertThat(browser.state()).as(page).isEqualTo("ready");
                assertThat(browser.find("#notice").isDisplayed()).as(page).isTrue();
                assertThat(browser.find("#notice").getText()).as(page).isEqualTo(notice);
            }
            assertThat(browser.consoleErrors()).isEmpty();
        }
    }
}
