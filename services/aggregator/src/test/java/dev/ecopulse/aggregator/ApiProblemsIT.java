package dev.ecopulse.aggregator;

import static io.restassured.RestAssured.given;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.notNullValue;

import dev.ecopulse.testsupport.KafkaBrokerResource;
import dev.ecopulse.testsupport.MongoResource;
import io.quarkus.test.common.WithTestResource;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.response.ValidatableResponse;
import org.junit.jupiter.api.Test;

/** Every refusal of the API is an RFC 9457 problem that names what is wrong; unchanged answers cost a 304. */
@QuarkusTest
@WithTestResource(KafkaBrokerResource.class)
@WithTestResource(MongoResource.class)
class ApiProblemsIT {

    @Test
    void unknownIdsAre404() {
        problem(given().get("/api/v1/frameworks/cntk"), 404, "no framework 'cntk' in the catalog");
        problem(given().get("/api/v1/frameworks/cntk/history"), 404, "no framework 'cntk' in the catalog");
        problem(given().get("/api/v1/compare?frameworks=pytorch,cntk"), 404, "no framework 'cntk' in the catalog");
        problem(given().get("/api/v1/projects?framework=cntk"), 404, "no framework 'cntk' in the catalog");
        problem(given().get("/api/v1/projects/no-such-project"), 404, "no project 'no-such-project' in the catalog");
        problem(given().get("/api/v1/projects/no-such-project/observations"), 404,
                "no project 'no-such-project' in the catalog");
        problem(given().get("/api/v1/ecosystems"), 404,
                "no such resource: /api/v1/ecosystems (the API is under /api/v1, see /q/openapi)");
    }

    @Test
    void historyParametersAreCheckedByName() {
        String history = "/api/v1/frameworks/pytorch/history";
        problem(given().get(history + "?from=28.11.2026"), 400,
                "query parameter 'from': must be an ISO-8601 date such as 2026-11-28, got '28.11.2026'");
        problem(given().get(history + "?to=2026-13-01"), 400,
                "query parameter 'to': must be an ISO-8601 date such as 2026-11-28, got '2026-13-01'");
        problem(given().get(history + "?from=2026-11-28&to=2026-11-01"), 400,
                "query parameter 'from': '2026-11-28' is after 'to' (2026-11-01)");
        problem(given().get(history + "?from=2024-01-01&to=2026-11-28"), 400,
                "query parameter 'from': the range 2024-01-01 to 2026-11-28 spans 1063 days; at most 366 are"
                        + " served at once");
        given().get(history + "?from=2026-09-01&to=2026-11-28").then().statusCode(200)
                .body("from", equalTo("2026-09-01")).body("to", equalTo("2026-11-28"));
    }

    @Test
    void compareParametersAreCheckedByName() {
        problem(given().get("/api/v1/compare"), 400,
                "query parameter 'frameworks': required: a comma-separated list of 2 to 10 framework ids");
        problem(given().get("/api/v1/compare?frameworks=pytorch"), 400,
                "query parameter 'frameworks': a comma-separated list of 2 to 10 framework ids, got 1");
        problem(given().get("/api/v1/compare?frameworks=a,b,c,d,e,f,g,h,i,j,k"), 400,
                "query parameter 'frameworks': a comma-separated list of 2 to 10 framework ids, got 11");
        problem(given().get("/api/v1/compare?frameworks=pytorch,pytorch"), 400,
                "query parameter 'frameworks': a framework is listed twice in 'pytorch,pytorch'");
        problem(given().get("/api/v1/compare?frameworks=pytorch,Tensor Flow"), 400,
                "query parameter 'frameworks': 'Tensor Flow' is not a framework id");
        given().get("/api/v1/compare?frameworks=pytorch,jax").then().statusCode(200)
                .body("frameworks", equalTo(java.util.List.of("pytorch", "jax")));
    }

    @Test
    void observationParametersAreCheckedByName() {
        String observations = "/api/v1/projects/flax/observations";
        problem(given().get(observations + "?source=huggingface"), 400,
                "query parameter 'source': 'huggingface' is not one of github, pypi, maven, npm");
        problem(given().get(observations + "?limit=0"), 400,
                "query parameter 'limit': must be a whole number from 1 to 500, got '0'");
        problem(given().get(observations + "?limit=many"), 400,
                "query parameter 'limit': must be a whole number from 1 to 500, got 'many'");
        problem(given().get(observations + "?offset=100"), 400,
                "query parameter 'offset': is not supported: page with the cursor of the Link rel=\"next\" header");
        problem(given().get(observations + "?cursor=bm90LWEtY3Vyc29y"), 400,
                "query parameter 'cursor': is not a cursor this API gave out (follow the Link rel=\"next\" header),"
                        + " got 'bm90LWEtY3Vyc29y'");
        problem(given().queryParam("cursor", "%%").get(observations), 400,
                "query parameter 'cursor': is not a cursor this API gave out (follow the Link rel=\"next\" header),"
                        + " got '%%'");
        problem(given().get(observations + "?from=yesterday"), 400,
                "query parameter 'from': must be an ISO-8601 date (2026-11-28) or time (2026-11-28T09:00:00Z),"
                        + " got 'yesterday'");
        problem(given().get(observations + "?from=2026-11-28&to=2026-11-01T00:00:00Z"), 400,
                "query parameter 'from': '2026-11-28' is after 'to' ('2026-11-01T00:00:00Z')");
    }

    @Test
    void projectPageParametersAreCheckedByName() {
        String projects = "/api/v1/projects";
        problem(given().get(projects + "?limit=0"), 400,
                "query parameter 'limit': must be a whole number from 1 to 500, got '0'");
        problem(given().get(projects + "?limit=501"), 400,
                "query parameter 'limit': must be a whole number from 1 to 500, got '501'");
        problem(given().get(projects + "?offset=10"), 400,
                "query parameter 'offset': is not supported: page with the cursor of the Link rel=\"next\" header");
        problem(given().get(projects + "?cursor=bm90LWEtY3Vyc29y"), 400,
                "query parameter 'cursor': is not a cursor this API gave out (follow the Link rel=\"next\" header),"
                        + " got 'bm90LWEtY3Vyc29y'");
        // a cursor of one kind of page is no cursor of another
        String next = ProjectPagesIT.next(given().get(projects + "?limit=1")).orElseThrow();
        String cursor = next.replaceAll(".*[?&]cursor=([^&]+).*", "$1");
        problem(given().get("/api/v1/projects/flax/observations?cursor=" + cursor), 400,
                "query parameter 'cursor': is not a cursor this API gave out (follow the Link rel=\"next\" header),"
                        + " got '" + cursor + "'");
    }

    @Test
    void extremeDatesAre400NotServerErrors() {
        String observations = "/api/v1/projects/flax/observations";
        problem(given().queryParam("from", "+999999999-12-31").get(observations), 400,
                "query parameter 'from': must be a date from 0001-01-01 to 9999-12-31, got '+999999999-12-31'");
        problem(given().get(observations + "?to=-999999999-01-01"), 400,
                "query parameter 'to': must be a date from 0001-01-01 to 9999-12-31, got '-999999999-01-01'");
        problem(given().queryParam("to", "+10000-01-01T00:00:00Z").get(observations), 400,
                "query parameter 'to': must be a time from 0001-01-01 to 9999-12-31 (UTC), got"
                        + " '+10000-01-01T00:00:00Z'");
        problem(given().queryParam("from", "+999999999-12-31T23:59:59-18:00").get(observations), 400,
                "query parameter 'from': must be a time from 0001-01-01 to 9999-12-31 (UTC), got"
                        + " '+999999999-12-31T23:59:59-18:00'");
        problem(given().queryParam("to", "+999999999-12-31").get("/api/v1/frameworks/jax/history"), 400,
                "query parameter 'to': must be a date from 0001-01-01 to 9999-12-31, got '+999999999-12-31'");
        given().get(observations + "?from=0001-01-01&to=9999-12-31").then().statusCode(200);
    }

    @Test
    void methodsAndMediaTypesTheApiDoesNotServeAreProblemsToo() {
        problem(given().post("/api/v1/frameworks"), 405, "this API is read-only: use GET")
                .header("Allow", containsString("GET"));
        problem(given().accept("text/csv").get("/api/v1/frameworks"), 406,
                "this API answers application/json (problems as application/problem+json) only");
    }

    @Test
    void unchangedAnswersAre304WithTheirETag() {
        for (String path : java.util.List.of("/api/v1/frameworks", "/api/v1/frameworks/jax",
                "/api/v1/frameworks/jax/history", "/api/v1/compare?frameworks=jax,keras", "/api/v1/projects",
                "/api/v1/projects?framework=jax&limit=2",
                "/api/v1/projects/flax", "/api/v1/methodology", "/api/v1/projects/flax/observations")) {
            String etag = given().get(path).then().statusCode(200).header("ETag", notNullValue()).extract()
                    .header("ETag");
            given().header("If-None-Match", etag).get(path).then().statusCode(304).header("ETag", equalTo(etag));
            given().header("If-None-Match", "\"something-else\"").get(path).then().statusCode(200);
        }
    }

    @Test
    void theApiIsDescribedByOpenApiWithSwaggerUi() {
        given().get("/q/openapi?format=json").then().statusCode(200)
                .body("paths.'/api/v1/frameworks/{id}'.get.summary", containsString("full explanation"))
                .body("paths.'/api/v1/methodology'", notNullValue());
        given().get("/q/swagger-ui/").then().statusCode(200);
    }

    static ValidatableResponse problem(io.restassured.response.Response response, int status, String detail) {
        return response.then().statusCode(status).contentType("application/problem+json")
                .body("status", equalTo(status))
                .body("title", notNullValue())
                .body("type", equalTo("about:blank"))
                .body("detail", equalTo(detail))
                .body("instance", notNullValue());
    }
}
