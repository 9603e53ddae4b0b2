package dev.ecopulse.aggregator.page;

import static io.restassured.RestAssured.given;
import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import com.fasterxml.jackson.databind.JsonNode;
import dev.ecopulse.aggregator.EcosystemData;
import dev.ecopulse.aggregator.ObservationSender;
import dev.ecopulse.testsupport.KafkaBrokerResource;
import dev.ecopulse.testsupport.MongoResource;
import io.quarkus.test.common.WithTestResource;
import io.quarkus.test.common.http.TestHTTPResource;
import io.quarkus.test.junit.QuarkusTest;
import java.net.URL;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.concurrent.atomic.AtomicReference;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.openqa.selenium.By;
import org.openqa.selenium.Keys;
import org.openqa.selenium.WebElement;

/**
 * The comparison page in a real headless Chromium against the running aggregator with stored observations of two
 * ecosystems: every page shows what the API answers, is reachable by keyboard and logs no error; the main pages are
 * photographed for the README.
 */
@QuarkusTest
@WithTestResource(KafkaBrokerResource.class)
@WithTestResource(MongoResource.class)
class PageIT {

    private static final Duration WAIT = Duration.ofSeconds(60);
    private static boolean sent;
    private static Browser browser;

    @TestHTTPResource("/")
    URL base;

    @BeforeEach
    void observationsAreScoredAndABrowserIsOpen() {
        if (!sent) {
            ObservationSender.send(EcosystemData.keras());
            ObservationSender.send(EcosystemData.paddle());
            sent = true;
            await().atMost(WAIT).until(() -> api("/frameworks/keras").at("/maturity/maturity").isNumber()
                    && api("/frameworks/paddlepaddle").at("/maturity/maturity").isNumber());
            // settled: the view's version is the same on two polls a recomputation apart
            AtomicReference<String> previous = new AtomicReference<>();
            await().atMost(WAIT).pollInterval(Duration.ofMillis(700)).until(() -> {
                String etag = given().get("/api/v1/frameworks").then().statusCode(200).extract().header("ETag");
                return etag.equals(previous.getAndSet(etag));
            });
        }
        if (browser == null) {
            browser = new Browser(base.toString());
        }
    }

    @AfterAll
    static void closeBrowser() {
        if (browser != null) {
            browser.close();
            browser = null;
        }
    }

    @Test
    void overviewListsEveryFrameworkWithTheApiNumbers() {
        browser.open("/");
        assertThat(browser.state()).isEqualTo("ready");
        JsonNode frameworks = api("/frameworks");
        assertThat(rows("table.frameworks")).hasSize(frameworks.size());
        for (JsonNode f : frameworks) {
            List<String> row = row("table.frameworks", f.get("name").asText());
            assertThat(row.get(1)).as(f.get("id") + " maturity").isEqualTo(Shown.score(f.get("maturity")));
            assertThat(row.get(2)).as(f.get("id") + " band").isEqualTo(f.get("band").asText());
            assertThat(row.get(3)).as(f.get("id") + " coverage").isEqualTo(Shown.percentOfOne(f.get("coverage")));
            assertMomentum(row.get(4), f.at("/momentum"), "30");
            assertMomentum(row.get(5), f.at("/momentum"), "90");
            assertThat(f.at("/shares/downloads30d").isNumber()).as(f.get("id") + " has a downloads share").isTrue();
            assertThat(row).as(f.get("id") + " shares").contains(Shown.percent(f.at("/shares/downloads30d")),
                    Shown.percent(f.at("/shares/commits90d")));
            assertThat(browser.find("figure.chart").getText()).contains(f.get("name").asText());
        }
        assertThat(browser.find("#notice").isDisplayed()).as("no sample-data notice for collected data").isFalse();
        assertThat(api("/methodology").has("dataNotice")).isFalse();

        // sorting by name, from the keyboard: the header is a button
        WebElement byName = browser.find("table.frameworks thead th:first-child button");
        byName.sendKeys(Keys.ENTER);
        List<String> names = new ArrayList<>();
        frameworks.forEach(f -> names.add(f.get("name").asText()));
        names.sort(Comparator.naturalOrder());
        assertThat(firstColumn("table.frameworks")).containsExactlyElementsOf(names);
        assertThat(browser.find("table.frameworks thead th:first-child").getDomAttribute("aria-sort"))
                .isEqualTo("ascending");

        assertThat(browser.consoleErrors()).isEmpty();
    }

    @Test
    void frameworkPageExplainsTheScoreAndShowsItsGaps() {
        browser.open("/");
        browser.script("window.samePage = true");
        browser.find("table.frameworks a[href='/frameworks/keras']").click();
        await().atMost(WAIT).until(() -> "framework".equals(browser.view()) && !"loading".equals(browser.state()));
        assertThat(browser.driver().getCurrentUrl()).endsWith("/frameworks/keras");
        assertThat(browser.script("return window.samePage === true")).as("routed in the page, not reloaded")
                .isEqualTo(true);

        JsonNode keras = api("/frameworks/keras");
        assertThat(browser.find("h1").getText()).isEqualTo(keras.get("name").asText());
        assertThat(browser.find("main .facts").getText()).contains(Shown.score(keras.at("/maturity/maturity")))
                .contains(keras.at("/maturity/band").asText());
        JsonNode gaps = keras.at("/maturity/gaps");
        assertThat(gaps.size()).as("the sample data has gaps").isPositive();
        assertThat(rows("table.gaps")).hasSize(gaps.size());
        String gapText = browser.find("table.gaps").getText();
        gaps.forEach(g -> assertThat(gapText).contains(g.get("reason").asText()).contains(g.get("kind").asText()));
        // every signal of every dimension, with its status where it is not ok
        List<WebElement> signalTables = browser.all("table.signals");
        assertThat(signalTables).hasSize(keras.at("/maturity/dimensions").size());
        for (JsonNode signal : keras.at("/maturity/dimensions").findValues("signals")) {
            for (JsonNode s : signal) {
                if (!"ok".equals(s.get("status").asText())) {
                    assertThat(browser.find("main").getText()).contains(s.get("status").asText());
                }
            }
        }
        int signals = keras.at("/maturity/dimensions").findValues("signals").stream().mapToInt(JsonNode::size).sum();
        assertThat(rows("table.signals")).hasSize(signals);
        // a line chart per history, with the numbers behind it
        JsonNode history = api("/frameworks/keras/history");
        assertThat(browser.all(".line-plot svg path[stroke]")).isNotEmpty();
        assertThat(browser.find("details.numbers table").getDomProperty("textContent"))
                .contains(history.at("/points/0/date").asText());
        assertThat(browser.find("main").getText()).contains(keras.at("/projects/0/name").asText());
        assertThat(browser.consoleErrors()).isEmpty();
    }

    @Test
    void comparePageShowsBothFrameworksAndKeepsTheSelectionInTheUrl() {
        browser.open("/compare?frameworks=keras,paddlepaddle");
        assertThat(browser.state()).isEqualTo("ready");
        JsonNode compare = api("/compare?frameworks=keras,paddlepaddle");
        String overall = browser.find("table.compare").getText();
        for (String id : List.of("keras", "paddlepaddle")) {
            assertThat(overall).contains(compare.at("/overall/" + id + "/name").asText());
            assertThat(browser.find("input[value='" + id + "']").isSelected()).isTrue();
        }
        List<String> maturity = row("table.compare", "Maturity");
        assertThat(maturity.subList(1, 3)).containsExactly(Shown.score(compare.at("/overall/keras/maturity")),
                Shown.score(compare.at("/overall/paddlepaddle/maturity")));
        assertThat(browser.all("table.compare.signals")).hasSize(compare.get("dimensions").size());
        assertThat(row("table.compare", "Share of downloads 30d").subList(1, 3)).containsExactly(
                Shown.percent(compare.at("/overall/keras/shares/downloads30d/percent")),
                Shown.percent(compare.at("/overall/paddlepaddle/shares/downloads30d/percent")));
        // who is ahead on each measure, with frameworks within each other's uncertainty shown as tied
        JsonNode rankings = compare.get("rankings");
        assertThat(rows("table.rankings")).hasSize(rankings.size());
        for (JsonNode r : rankings) {
            String shown = String.join(" ", row("table.rankings", Shown.measure(r.get("measure").asText())));
            JsonNode first = r.at("/order/0");
            if (first.isMissingNode()) {
                continue;
            }
            String leader = compare.at("/overall/" + first.get(0).asText() + "/name").asText();
            assertThat(shown).as(r.toString()).contains(leader);
            assertThat(shown.contains("(tied)")).as(r.toString()).isEqualTo(first.size() > 1
                    || r.get("order").size() > 1 && r.at("/order/1").size() > 1);
        }
        // maturity over time, and each share over time, one line per framework
        List<WebElement> plots = browser.all(".line-plot svg");
        assertThat(plots).hasSizeGreaterThan(1);
        plots.forEach(plot -> assertThat(plot.findElements(By.cssSelector("g.series"))).hasSize(2));

        // the picker puts a new selection in the address
        browser.find("input[value='pytorch']").click();
        browser.find("form.picker button[type=submit]").click();
        await().atMost(WAIT).until(() -> browser.driver().getCurrentUrl()
                .endsWith("/compare?frameworks=pytorch,keras,paddlepaddle") && "ready".equals(browser.state()));
        assertThat(browser.find("table.compare").getText()).contains("PyTorch");
        assertThat(browser.consoleErrors()).isEmpty();
    }

    @Test
    void keyboardReachesEveryControl() {
        for (String page : List.of("/", "/frameworks/keras", "/compare?frameworks=keras,paddlepaddle",
                "/methodology")) {
            browser.open(page);
            List<String> controls = browser.markControls();
            assertThat(controls).as(page).isNotEmpty();
            List<String> reached = browser.tabThrough(controls.size() + 40);
            assertThat(reached).as(page + ": reached by TAB").containsAll(controls);
            assertThat(reached.get(0)).as("the first stop skips to the content").contains("Skip to content");
        }
        assertThat(browser.consoleErrors()).isEmpty();
    }

    @Test
    void saysWhenTheScoresAreStillLoadingAndTriesAgain() {
        // the list gets the aggregator's answer from before its first load of the store (docs/api.md) until the
        // test lets it through
        String refuse = """
                const realFetch = window.fetch;
                window.refusing = true;
                window.fetch = (url, init) => {
                  if (window.refusing && String(url).startsWith('/api/v1/frameworks')) {
                    return Promise.resolve(new Response(JSON.stringify({type: 'about:blank',
                        title: 'Service Unavailable', status: 503, detail: 'scores are still being loaded'}),
                      {status: 503, headers: {'Content-Type': 'application/problem+json', 'Retry-After': '1'}}));
                  }
                  return realFetch(url, init);
                };""";
        Object script = browser.driver().executeCdpCommand("Page.addScriptToEvaluateOnNewDocument",
                java.util.Map.of("source", refuse)).get("identifier");
        try {
            browser.driver().get(base.toString());
            assertThat(browser.awaitState()).isEqualTo("not-ready");
            assertThat(browser.find("h1").getText()).isEqualTo("The scores are still loading");
            assertThat(browser.find("main").getText()).contains("tries again in 1 second")
                    .contains("scores are still being loaded");
            // it keeps trying, and draws the page once the scores are there
            assertThat(browser.state()).isEqualTo("not-ready");
            browser.script("window.refusing = false");
            await().atMost(WAIT).until(() -> "ready".equals(browser.state()));
            assertThat(rows("table.frameworks")).hasSize(api("/frameworks").size());
        } finally {
            browser.driver().executeCdpCommand("Page.removeScriptToEvaluateOnNewDocument",
                    java.util.Map.of("identifier", script));
        }
        assertThat(browser.consoleErrors()).isEmpty();
    }

    @Test
    void pageUrlsServeTheShellAndItsScriptsAreRevalidated() {
        for (String path : List.of("/", "/frameworks", "/frameworks/keras", "/compare?frameworks=keras,jax",
                "/methodology")) {
            given().accept("text/html").get(path).then().statusCode(200).contentType("text/html")
                    .header("Cache-Control", org.hamcrest.Matchers.containsString("no-cache"))
                    .body(org.hamcrest.Matchers.containsString("<script type=\"module\" src=\"/assets/app.js\">"));
        }
        String modified = given().get("/assets/app.js").then().statusCode(200)
                .header("Cache-Control", org.hamcrest.Matchers.containsString("max-age=0"))
                .extract().header("Last-Modified");
        given().header("If-Modified-Since", modified).get("/assets/app.js").then().statusCode(304);
        // the API is untouched: an unknown API path is still a problem
        given().get("/api/v1/ecosystems").then().statusCode(404).contentType("application/problem+json");
    }

    @Test
    void unknownFrameworkIsAFriendlyNotFound() {
        given().accept("text/html").get("/frameworks/cntk").then().statusCode(404).contentType("text/html");
        given().get("/api/v1/frameworks/cntk").then().statusCode(404).contentType("application/problem+json");
        browser.open("/frameworks/cntk");
        assertThat(browser.state()).isEqualTo("not-found");
        assertThat(browser.find("h1").getText()).isEqualTo("Not found");
        assertThat(browser.find("main").getText()).contains("cntk").contains("every framework");
        // the browser reports the two 404 answers themselves (page and API), nothing else
        assertThat(browser.consoleErrors()).allMatch(e -> e.contains("404"));
    }

    @Test
    void screenshotsOfTheMainPages() throws Exception {
        Path dir = docs();
        StringBuilder timings = new StringBuilder();
        browser.viewport(Browser.WIDTH, Browser.HEIGHT, false);
        for (String[] page : new String[][] {{"/", "page-overview.png"}, {"/frameworks/keras", "page-framework.png"},
                {"/compare?frameworks=keras,paddlepaddle", "page-compare.png"}}) {
            browser.open(page[0]);
            assertThat(browser.state()).isEqualTo("ready");
            browser.screenshot(dir.resolve(page[1]));
            browser.fullPage(Path.of("target", "page-shots", page[1]));
            timings.append(page[0]).append(": usable after ").append(Math.round(browser.millisUntilReady()))
                    .append(" ms\n");
        }
        browser.open("/methodology");
        browser.fullPage(Path.of("target", "page-shots", "page-methodology.png"));
        browser.viewport(390, 844, true);
        try {
            browser.open("/compare?frameworks=keras,paddlepaddle");
            assertThat(browser.state()).isEqualTo("ready");
            // nothing but the tables (which scroll) is wider than a phone's screen
            assertThat(browser.script("return document.documentElement.scrollWidth")).isEqualTo(390L);
            browser.fullPage(Path.of("target", "page-shots", "page-compare-phone.png"));
            browser.open("/frameworks/keras");
            browser.fullPage(Path.of("target", "page-shots", "page-framework-phone.png"));
            browser.open("/");
            browser.screenshot(dir.resolve("page-overview-phone.png"));
        } finally {
            browser.viewport(Browser.WIDTH, Browser.HEIGHT, false);
        }
        assertThat(dir.resolve("page-overview.png")).isNotEmptyFile();
        // from navigation to rendered, the API answers included
        System.out.print(timings);
        Files.writeString(Path.of("target", "page-timings.txt"), timings);
        assertThat(browser.consoleErrors()).isEmpty();
    }

    /** The repository's docs/img when the build runs in the repository, else target/. */
    private static Path docs() {
        Path docs = Path.of("..", "..", "docs");
        return Files.isDirectory(docs) ? docs.resolve("img") : Path.of("target", "img");
    }

    /** The page shows the share's growth (which the trend follows) when there is one, else the own growth. */
    private static void assertMomentum(String cell, JsonNode momentum, String days) {
        JsonNode share = momentum.path("shareIndex" + days);
        JsonNode index = share.isNumber() ? share : momentum.path("index" + days);
        JsonNode trend = momentum.path("trend" + days);
        if (index.isNumber()) {
            assertThat(cell).startsWith(Shown.growth(index) + (share.isNumber() ? " share" : ""))
                    .contains(trend.asText());
        } else {
            assertThat(cell).isEqualTo(trend.isMissingNode() ? Shown.DASH : trend.asText());
        }
    }

    private static JsonNode api(String path) {
        return given().get("/api/v1" + path).then().statusCode(200).extract().as(JsonNode.class);
    }

    private static List<WebElement> rows(String table) {
        return browser.all(table + " tbody tr");
    }

    private static List<String> firstColumn(String table) {
        return rows(table).stream().map(r -> r.findElement(By.cssSelector("th,td")).getText()).toList();
    }

    /** The cells' text of the row whose first cell is {@code first}. */
    private static List<String> row(String table, String first) {
        return rows(table).stream()
                .map(r -> r.findElements(By.cssSelector("th,td")).stream().map(WebElement::getText).toList())
                .filter(cells -> cells.get(0).equals(first)).findFirst()
                .orElseThrow(() -> new AssertionError("no row " + first + " in " + table));
    }
}
