package io.pylon.track.web;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Optional;

import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.openqa.selenium.By;
import org.openqa.selenium.WebElement;
import org.openqa.selenium.chrome.ChromeDriver;
import org.openqa.selenium.support.ui.WebDriverWait;

import io.pylon.run.RunState;
import io.pylon.run.RunStatus;
import io.pylon.track.RunIndex;
import io.pylon.track.SeedGroups;
import io.pylon.track.SyntheticRuns;
import io.pylon.track.TextTable;

/** The viewer in headless Chromium: what a user sees and does, and that hostile names stay text. */
@Tag("slow")
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class ViewerBrowserTest {

    private static final String XSS_RUN = "<img src=x onerror=window.pwned=1>";
    private Path root;
    private RunIndex index;
    private ViewerServer server;
    private ChromeDriver browser;
    private String base;

    @BeforeAll
    void start() throws IOException {
        root = Files.createTempDirectory("viewer-runs");
        for (long seed = 1; seed <= 3; seed++) {
            SyntheticRuns.write(root, "cls", "lr01-s" + seed, 0.01, seed, 400, 20, RunState.FINISHED);
            SyntheticRuns.write(root, "cls", "lr001-s" + seed, 0.001, seed, 400, 20, RunState.FINISHED);
        }
        SyntheticRuns.write(root, "cls", "diverged", 0.5, 7, 120, 20, RunState.FAILED);
        Path xss = SyntheticRuns.write(root, "xss", XSS_RUN, 0.01, 1, 50, 10, RunState.FINISHED);
        Files.writeString(xss.resolve("config.yaml"), "model:\n  name: \"</td><script>window.pwned=2</script>\"\n",
                StandardOpenOption.APPEND);
        index = RunIndex.open(root);
        server = ViewerServer.start(index, "127.0.0.1", 0);
        base = "http://127.0.0.1:" + server.port();
        browser = Browser.start(Files.createTempDirectory("chromium-profile"));
    }

    @AfterAll
    void stop() {
        if (browser != null) {
            browser.quit();
        }
        if (server != null) {
            server.close();
        }
        if (index != null) {
            index.close();
        }
    }

    private WebDriverWait waiting() {
        return new WebDriverWait(browser, Duration.ofSeconds(20));
    }

    private static int points(WebElement chart) {
        return Integer.parseInt(Optional.ofNullable(chart.getDomAttribute("data-points")).orElse("0"));
    }

    @Test
    void runsTableListsTheRunsWithStatusBadgesAndSortsAndFilters() throws IOException {
        browser.get(base + "/");
        List<WebElement> rows = browser.findElements(By.cssSelector("#runs-table tbody tr"));
        assertThat(rows).hasSize(8);
        assertThat(browser.findElements(By.cssSelector("#runs-table .badge-failed"))).hasSize(1);
        assertThat(browser.findElements(By.cssSelector("#runs-table .badge-finished"))).hasSize(7);
        List<String> headers = browser.findElements(By.cssSelector("#runs-table thead th")).stream().map(WebElement::getText).toList();
        assertThat(headers).contains("optim.lr", "seed", "val/loss ↓", "val/accuracy ↑");
        Browser.screenshot(browser, "runs-table");

        WebElement lossHeader = browser.findElements(By.cssSelector("#runs-table thead th")).stream()
                .filter(h -> h.getText().startsWith("val/loss")).findFirst().orElseThrow();
        lossHeader.click();
        List<Double> sorted = browser.findElements(By.cssSelector("#runs-table tbody tr")).stream()
                .map(r -> r.findElements(By.tagName("td")).get(lossHeader.findElements(By.xpath("preceding-sibling::th")).size()))
                .map(c -> c.getDomAttribute("data-value")).filter(v -> v != null && !v.isEmpty()).map(Double::parseDouble).toList();
        assertThat(sorted).isSorted().hasSize(8);

        browser.findElement(By.id("filter")).sendKeys("lr001");
        long shown = browser.findElements(By.cssSelector("#runs-table tbody tr")).stream().filter(WebElement::isDisplayed).count();
        assertThat(shown).isEqualTo(3);
    }

    @Test
    void comparePageDrawsOneCurvePerRunAndShowsTheChangedKey() throws IOException {
        browser.get(base + "/");
        browser.findElement(By.cssSelector("input[value='cls/lr01-s1']")).click();
        browser.findElement(By.cssSelector("input[value='cls/lr001-s1']")).click();
        browser.findElement(By.id("compare-selected")).click();
        waiting().until(d -> d.getCurrentUrl().contains("/compare"));
        WebElement valLoss = browser.findElements(By.cssSelector(".chart-card")).stream()
                .filter(c -> c.findElement(By.className("chart-title")).getText().equals("val/loss")).findFirst().orElseThrow()
                .findElement(By.className("chart"));
        waiting().until(d -> points(valLoss) == 40);
        assertThat(valLoss.findElements(By.tagName("canvas"))).hasSize(1);
        // the legend names both runs: two curves on one chart
        assertThat(valLoss.findElements(By.cssSelector(".u-legend .u-series")).stream().map(WebElement::getText).toList())
                .anySatisfy(t -> assertThat(t).contains("cls/lr01-s1"))
                .anySatisfy(t -> assertThat(t).contains("cls/lr001-s1"));
        List<WebElement> differing = browser.findElements(By.cssSelector("#config-diff tr.differs"));
        assertThat(differing).hasSize(1);
        assertThat(differing.get(0).getText()).contains("optim.lr").contains("0.01").contains("0.001");
        assertThat(browser.findElements(By.cssSelector("#config-diff tr.same")).stream().noneMatch(WebElement::isDisplayed)).isTrue();
        Browser.screenshot(browser, "compare");
    }

    @Test
    void groupPageShowsMeanAndStdOfTheSeeds() throws IOException {
        browser.get(base + "/groups");
        List<WebElement> groups = browser.findElements(By.cssSelector("section.group"));
        assertThat(groups).hasSize(2);
        SeedGroups.Group expected;
        try (RunIndex own = RunIndex.open(root, Files.createTempFile("index", ".sqlite"))) {
            own.refresh();
            expected = SeedGroups.of(own.runs()).stream().filter(g -> g.label().contains("optim.lr=0.01")).findFirst()
                    .orElseThrow();
        }
        WebElement group = groups.stream().filter(g -> g.getText().contains("optim.lr=0.01")).findFirst().orElseThrow();
        SeedGroups.Stats stats = expected.finals().get("val/loss");
        WebElement row = group.findElements(By.cssSelector("table.stats tbody tr")).stream()
                .filter(r -> r.getText().startsWith("val/loss")).findFirst().orElseThrow();
        assertThat(row.getText()).contains(TextTable.number(stats.mean()) + " ± " + TextTable.number(stats.std())).endsWith("3");
        assertThat(stats.std()).isPositive();
        WebElement band = group.findElement(By.cssSelector(".band-chart"));
        waiting().until(d -> points(band) == 20);
        assertThat(band.findElements(By.tagName("canvas"))).hasSize(1);
        Browser.screenshot(browser, "groups");
    }

    @Test
    void aLiveRunsCurveGrowsWhileItTrainsAndATornLineNeverShows() throws Exception {
        Path run = SyntheticRuns.write(root, "live", "training", 0.01, 5, 40, 10, RunState.RUNNING);
        Instant now = Instant.now();
        new RunStatus(RunState.RUNNING, ProcessHandle.current().pid(), RunStatus.thisHost(), now, now, Optional.empty(), 40, "",
                "git:test").write(run.resolve(RunStatus.FILE));
        browser.get(base + "/run?id=live/training");
        assertThat(browser.findElement(By.cssSelector(".page-head .badge")).getText()).isEqualTo("running");
        WebElement loss = browser.findElements(By.cssSelector(".chart-card")).stream()
                .filter(c -> c.findElement(By.className("chart-title")).getText().equals("loss")).findFirst().orElseThrow()
                .findElement(By.className("chart"));
        waiting().until(d -> points(loss) == 44);
        Path metrics = run.resolve("metrics.jsonl");
        for (int step = 41; step <= 60; step++) {
            Files.writeString(metrics, "{\"step\":" + step + ",\"epoch\":0,\"split\":\"train\",\"loss\":" + (1.0 / step)
                    + ",\"lr\":0.01}\n", StandardCharsets.UTF_8, StandardOpenOption.APPEND);
        }
        // half a record, as a reader catches a writer mid-line: it must wait, not show or break
        Files.writeString(metrics, "{\"step\":61,\"epoch\":0,\"split\":\"train\",\"lo", StandardOpenOption.APPEND);
        waiting().until(d -> points(loss) == 64);
        Thread.sleep(2500);
        assertThat(points(loss)).isEqualTo(64);
        Files.writeString(metrics, "ss\":0.01,\"lr\":0.01}\n", StandardOpenOption.APPEND);
        waiting().until(d -> points(loss) == 65);
        Browser.screenshot(browser, "live-run");
        new RunStatus(RunState.FINISHED, ProcessHandle.current().pid(), RunStatus.thisHost(), now, Instant.now(),
                Optional.of(Instant.now()), 61, "", "git:test").write(run.resolve(RunStatus.FILE));
        waiting().until(d -> d.findElement(By.cssSelector(".page-head .badge")).getText().equals("finished"));
    }

    @Test
    void hostileRunNamesAndConfigValuesRenderAsText() throws IOException {
        browser.get(base + "/");
        WebElement link = browser.findElement(By.partialLinkText("xss/"));
        assertThat(link.getText()).isEqualTo("xss/" + XSS_RUN);
        link.click();
        waiting().until(d -> d.getCurrentUrl().contains("/run"));
        assertThat(browser.findElement(By.cssSelector("h1.run-title")).getText()).isEqualTo("xss/" + XSS_RUN);
        assertThat(browser.findElement(By.cssSelector("table.config")).getText()).contains("<script>window.pwned=2</script>");
        assertThat(browser.executeScript("return typeof window.pwned")).isEqualTo("undefined");
        assertThat(browser.findElements(By.cssSelector("main img"))).isEmpty();
        Browser.screenshot(browser, "xss-run");
    }

    @Test
    void traversalInTheBrowserEndsOnNotFound() {
        browser.get(base + "/file/cls/lr01-s1/%2e%2e/%2e%2e/%2e%2e/etc/passwd");
        assertThat(browser.findElement(By.tagName("h1")).getText()).isEqualTo("Not found");
        browser.get(base + "/run?id=..%2F..%2Fetc");
        assertThat(browser.findElement(By.tagName("h1")).getText()).isEqualTo("Not found");
        assertThat(browser.getPageSource()).doesNotContain("root:");
    }
}
