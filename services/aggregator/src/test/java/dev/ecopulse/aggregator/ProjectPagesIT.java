package dev.ecopulse.aggregator;

import static io.restassured.RestAssured.given;
import static org.assertj.core.api.Assertions.assertThat;
import static org.hamcrest.Matchers.equalTo;

import dev.ecopulse.contract.catalog.Catalog;
import dev.ecopulse.contract.catalog.Project;
import dev.ecopulse.testsupport.KafkaBrokerResource;
import dev.ecopulse.testsupport.MongoResource;
import io.quarkus.test.common.WithTestResource;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.response.Response;
import jakarta.inject.Inject;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Test;

/** {@code GET /projects} pages by cursor, in id order, like a project's observations. */
@QuarkusTest
@WithTestResource(KafkaBrokerResource.class)
@WithTestResource(MongoResource.class)
class ProjectPagesIT {

    static final Pattern NEXT = Pattern.compile("<([^>]+)>;\\s*rel=\"next\"");

    @Inject
    Catalog catalog;

    @Test
    void theNextLinksLeadThroughEveryProjectInIdOrderAndTheLastPageHasNone() {
        List<String> expected = catalog.projects().stream().map(Project::id).sorted().toList();

        List<List<String>> pages = follow("/api/v1/projects?limit=10");

        assertThat(pages).hasSize((expected.size() + 9) / 10);
        assertThat(pages.subList(0, pages.size() - 1)).allSatisfy(page -> assertThat(page).hasSize(10));
        assertThat(pages.stream().flatMap(List::stream)).containsExactlyElementsOf(expected);
    }

    @Test
    void theFirstPageByDefaultHoldsAHundredProjectsSoTheDefaultCatalogFitsInIt() {
        Response all = given().get("/api/v1/projects").then().statusCode(200).extract().response();

        assertThat(all.jsonPath().getList("id", String.class))
                .containsExactlyElementsOf(catalog.projects().stream().map(Project::id).sorted().toList());
        assertThat(next(all)).isEmpty();
    }

    @Test
    void aFrameworksProjectsArePagedWithTheFrameworkKeptInTheNextLink() {
        List<List<String>> pages = follow("/api/v1/projects?framework=jax&limit=2");

        assertThat(pages.stream().flatMap(List::stream)).containsExactlyElementsOf(
                catalog.projectsOf("jax").stream().map(Project::id).sorted().toList());
        assertThat(pages).hasSizeGreaterThan(1);
    }

    @Test
    void anUnchangedPageIs304AndKeepsItsNextLink() {
        Response first = given().get("/api/v1/projects?limit=3").then().statusCode(200).extract().response();
        String tag = first.header("ETag");

        Response again = given().header("If-None-Match", tag).get("/api/v1/projects?limit=3").then().statusCode(304)
                .header("ETag", equalTo(tag)).extract().response();
        assertThat(next(again)).isEqualTo(next(first)).isPresent();
    }

    /** Follows the {@code next} links from {@code path} and gives each page's project ids. */
    private static List<List<String>> follow(String path) {
        List<List<String>> pages = new ArrayList<>();
        Optional<String> next = Optional.of(path);
        while (next.isPresent()) {
            Response page = given().get(next.get()).then().statusCode(200).extract().response();
            pages.add(page.jsonPath().getList("id", String.class));
            next = next(page);
            assertThat(pages).hasSizeLessThan(100);
        }
        return pages;
    }

    static Optional<String> next(Response response) {
        String link = response.header("Link");
        if (link == null) {
            return Optional.empty();
        }
        Matcher m = NEXT.matcher(link);
        return m.find() ? Optional.of(m.group(1)) : Optional.empty();
    }
}
