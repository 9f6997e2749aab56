package io.pylon.track.web;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import io.pylon.run.RunState;
import io.pylon.track.RunIndex;
import io.pylon.track.SyntheticRuns;

/** Requests a browser would never send (raw traversal, other methods, no token) against the real server. */
class ViewerSecurityTest {

    @TempDir
    Path root;
    private RunIndex index;
    private ViewerServer server;
    private final HttpClient http = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(5)).build();

    @BeforeEach
    void start() throws IOException {
        SyntheticRuns.write(root, "cls", "a", 0.01, 1, 30, 10, RunState.FINISHED);
        Path outside = Files.createTempDirectory("outside");
        Files.writeString(outside.resolve("secret.txt"), "top secret");
        Files.createSymbolicLink(root.resolve("cls/a/escape"), outside);
        Files.createSymbolicLink(root.resolve("cls/a/secret-link.txt"), outside.resolve("secret.txt"));
        index = RunIndex.open(root);
    }

    @AfterEach
    void stop() {
        if (server != null) {
            server.close();
        }
        index.close();
    }

    private HttpResponse<String> get(String rawPath) throws Exception {
        return send(HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + server.port() + rawPath)).timeout(Duration.ofSeconds(10))
                .GET().build());
    }

    private HttpResponse<String> send(HttpRequest request) throws Exception {
        return http.send(request, HttpResponse.BodyHandlers.ofString());
    }

    @Test
    void onlyFilesOfRunsInsideTheRootAreServed() throws Exception {
        server = ViewerServer.start(index, "127.0.0.1", 0);
        assertThat(get("/file/cls/a/config.yaml").statusCode()).isEqualTo(200);
        assertThat(get("/file/cls/a/config.yaml").body()).contains("optim:");
        for (String path : new String[] {"/file/../../../../etc/passwd", "/file/cls/a/../../../etc/passwd",
                "/file/%2e%2e/%2e%2e/%2e%2e/etc/passwd", "/file/cls/a/%2e%2e%2f%2e%2e%2f%2e%2e%2fetc%2fpasswd",
                "/file/cls/a/escape/secret.txt", "/file/cls/a/secret-link.txt", "/file/.pylon-index.sqlite",
                "/file//etc/passwd", "/file/cls/a/..%5c..%5cetc%5cpasswd", "/file/cls/a", "/static/../pom.xml",
                "/static/app.js/../../../../etc/passwd", "/run?id=..", "/run?id=cls%2F..%2F..%2F", "/run?id=%2Fetc",
                "/api/series?id=../../etc&metric=x", "/nothing-here"}) {
            HttpResponse<String> response = get(path);
            assertThat(response.statusCode()).as(path).isEqualTo(404);
            assertThat(response.body()).as(path).doesNotContain("top secret").doesNotContain("root:");
        }
    }

    @Test
    void theViewerIsReadOnly() throws Exception {
        server = ViewerServer.start(index, "127.0.0.1", 0);
        HttpResponse<String> post = send(HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + server.port() + "/"))
                .POST(HttpRequest.BodyPublishers.ofString("x")).build());
        assertThat(post.statusCode()).isEqualTo(405);
        HttpResponse<String> page = get("/");
        assertThat(page.headers().firstValue("Content-Security-Policy")).hasValueSatisfying(v -> assertThat(v)
                .contains("script-src 'self'"));
    }

    @Test
    void anExposedViewerRequiresItsToken() throws Exception {
        server = ViewerServer.start(index, "127.0.0.1", 0, true);
        assertThat(server.requiresToken()).isTrue();
        assertThat(get("/").statusCode()).isEqualTo(403);
        assertThat(get("/?token=wrong").statusCode()).isEqualTo(403);
        String token = server.url().substring(server.url().indexOf("token=") + "token=".length());
        HttpResponse<String> admitted = get("/?token=" + token);
        assertThat(admitted.statusCode()).isEqualTo(200);
        String cookie = admitted.headers().firstValue("Set-Cookie").orElseThrow();
        assertThat(cookie).contains("HttpOnly");
        HttpResponse<String> withCookie = send(HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + server.port() + "/run?id=cls/a"))
                .header("Cookie", cookie.substring(0, cookie.indexOf(';'))).GET().build());
        assertThat(withCookie.statusCode()).isEqualTo(200);
    }

    @Test
    void runPageShowsGeneratedSamplesNewestFirstAndEscaped() throws Exception {
        server = ViewerServer.start(index, "127.0.0.1", 0);
        Files.writeString(root.resolve("cls/a/samples.jsonl"), "{\"step\": 10, \"prompt\": \"ROMEO:\", \"text\": \"early <b>text</b>\"}\n"
                + "{\"step\": 20, \"prompt\": \"ROMEO:\", \"text\": \"later text\"}\n{\"step\": 30, \"te");
        String page = get("/run?id=cls/a").body();
        assertThat(page).contains("Generated samples").contains("early &lt;b&gt;text&lt;/b&gt;").doesNotContain("<b>text");
        assertThat(page.indexOf("later text")).isLessThan(page.indexOf("early &lt;b&gt;"));
    }

    @Test
    void aRunBeingWrittenNeverBreaksThePages() throws Exception {
        server = ViewerServer.start(index, "127.0.0.1", 0);
        Path metrics = root.resolve("cls/a/metrics.jsonl");
        Files.writeString(metrics, "{\"step\":31,\"epoch\":0,\"split\":\"train\",\"lo", java.nio.file.StandardOpenOption.APPEND);
        Files.writeString(root.resolve("cls/a/status.json"), "{\"state\": \"run");
        assertThat(get("/").statusCode()).isEqualTo(200);
        HttpResponse<String> run = get("/run?id=cls/a");
        assertThat(run.statusCode()).isEqualTo(200);
        assertThat(run.body()).contains("badge-unknown");
        HttpResponse<String> series = get("/api/series?id=cls/a&metric=train/loss&after=29");
        assertThat(series.body()).isEqualTo("{\"run\":\"cls/a\",\"metric\":\"train/loss\",\"steps\":[30],\"values\":["
                + index.series("cls/a", "train/loss", 29).values()[0] + "]}");
    }
}
