package io.pylon.track.web;

import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.io.UncheckedIOException;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.Map;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;

import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpServer;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import io.pylon.track.RunIndex;

/**
 * The viewer's HTTP server (the JDK's: a read-only viewer of a dozen routes needs no framework, and
 * the CLI stays free of an embedded servlet stack). GET and HEAD only; every response carries a
 * same-origin Content-Security-Policy; errors answer a plain page and never stop the server.
 */
public final class ViewerServer implements AutoCloseable {

    private static final Logger LOG = LoggerFactory.getLogger(ViewerServer.class);
    private static final String UPLOT = "META-INF/resources/webjars/uplot/1.6.30/dist/";
    /** Static files by URL name: nothing else on the classpath is reachable. */
    private static final Map<String, String> STATIC = Map.of(
            "app.js", "io/pylon/track/web/app.js",
            "app.css", "io/pylon/track/web/app.css",
            "uPlot.iife.min.js", UPLOT + "uPlot.iife.min.js",
            "uPlot.min.css", UPLOT + "uPlot.min.css");

    private final HttpServer server;
    private final ExecutorService executor;
    private final AccessGuard guard;
    private final ViewerIndex index;
    private final Pages pages;
    private final String host;

    private ViewerServer(HttpServer server, ExecutorService executor, AccessGuard guard, ViewerIndex index, String host) {
        this.server = server;
        this.executor = executor;
        this.guard = guard;
        this.index = index;
        this.pages = new Pages(index);
        this.host = host;
    }

    /**
     * Serves {@code index} on {@code host:port} (port 0: any free port). A host other than loopback
     * requires an access token, which {@link #url()} carries.
     */
    public static ViewerServer start(RunIndex index, String host, int port) throws IOException {
        return start(index, host, port, !InetAddress.getByName(host).isLoopbackAddress());
    }

    /** As {@link #start(RunIndex, String, int)}, with the token requirement chosen (tests use it on loopback). */
    static ViewerServer start(RunIndex index, String host, int port, boolean requireToken) throws IOException {
        InetAddress address = InetAddress.getByName(host);
        AccessGuard guard = requireToken ? AccessGuard.withNewToken() : AccessGuard.open();
        HttpServer server = HttpServer.create(new InetSocketAddress(address, port), 64);
        ExecutorService executor = Executors.newVirtualThreadPerTaskExecutor();
        server.setExecutor(executor);
        ViewerServer viewer = new ViewerServer(server, executor, guard, new ViewerIndex(index, Duration.ofSeconds(2)), host);
        server.createContext("/", viewer::handle);
        server.start();
        return viewer;
    }

    public int port() {
        return server.getAddress().getPort();
    }

    /** The address to open, with the access token when one is required. */
    public String url() {
        return guard.url(host, port());
    }

    public boolean requiresToken() {
        return guard.token().isPresent();
    }

    private void handle(HttpExchange exchange) {
        // not try-with-resources: the error answers below must still be sent before the exchange closes
        try {
            exchange.getResponseHeaders().add("Content-Security-Policy",
                    "default-src 'self'; script-src 'self'; style-src 'self' 'unsafe-inline'; img-src 'self' data:");
            exchange.getResponseHeaders().add("X-Content-Type-Options", "nosniff");
            exchange.getResponseHeaders().add("Referrer-Policy", "no-referrer");
            String method = exchange.getRequestMethod();
            if (!method.equals("GET") && !method.equals("HEAD")) {
                send(exchange, 405, "text/plain", "read-only viewer: GET only");
                return;
            }
            if (!guard.admit(exchange)) {
                send(exchange, 403, "text/plain", "access token required: open the URL `pylon ui` printed");
                return;
            }
            route(exchange);
        } catch (NotFound e) {
            send(exchange, 404, "text/html", Html.page("Not found", "", "<h1>Not found</h1><p><a href=\"/\">All runs</a></p>"));
        } catch (RuntimeException | IOException e) {
            LOG.warn("request {} failed", exchange.getRequestURI(), e);
            send(exchange, 500, "text/plain", "internal error: " + e.getClass().getSimpleName());
        } finally {
            exchange.close();
        }
    }

    private void route(HttpExchange exchange) throws IOException {
        String path = exchange.getRequestURI().getPath();
        Query query = Query.parse(exchange.getRequestURI());
        if (path.startsWith("/static/")) {
            staticFile(exchange, path.substring("/static/".length()));
            return;
        }
        if (path.startsWith("/file/")) {
            RunFileResponse file = pages.file(path.substring("/file/".length()));
            exchange.getResponseHeaders().add("Content-Type", file.contentType());
            exchange.getResponseHeaders().add("Content-Disposition", file.disposition());
            exchange.sendResponseHeaders(200, exchange.getRequestMethod().equals("HEAD") ? -1 : file.size());
            if (!exchange.getRequestMethod().equals("HEAD")) {
                try (InputStream in = file.open(); OutputStream out = exchange.getResponseBody()) {
                    in.transferTo(out);
                }
            }
            return;
        }
        switch (path) {
            case "/" -> send(exchange, 200, "text/html", pages.runs(query));
            case "/run" -> send(exchange, 200, "text/html", pages.run(query));
            case "/compare" -> send(exchange, 200, "text/html", pages.compare(query));
            case "/groups" -> send(exchange, 200, "text/html", pages.groups());
            case "/api/series" -> send(exchange, 200, "application/json", pages.seriesJson(query));
            case "/api/bands" -> send(exchange, 200, "application/json", pages.bandsJson(query));
            case "/api/run" -> send(exchange, 200, "application/json", pages.runJson(query));
            default -> throw new NotFound();
        }
    }

    private static void staticFile(HttpExchange exchange, String name) throws IOException {
        String resource = STATIC.get(name);
        if (resource == null) {
            throw new NotFound();
        }
        byte[] bytes;
        try (InputStream in = ViewerServer.class.getClassLoader().getResourceAsStream(resource)) {
            if (in == null) {
                throw new NotFound();
            }
            bytes = in.readAllBytes();
        }
        String type = name.endsWith(".js") ? "text/javascript" : "text/css";
        exchange.getResponseHeaders().add("Cache-Control", "max-age=3600");
        sendBytes(exchange, 200, type, bytes);
    }

    private static void send(HttpExchange exchange, int status, String type, String body) {
        sendBytes(exchange, status, type, body.getBytes(StandardCharsets.UTF_8));
    }

    private static void sendBytes(HttpExchange exchange, int status, String type, byte[] body) {
        try {
            exchange.getResponseHeaders().set("Content-Type", type + "; charset=utf-8");
            boolean head = exchange.getRequestMethod().equals("HEAD");
            exchange.sendResponseHeaders(status, head ? -1 : body.length);
            if (!head) {
                exchange.getResponseBody().write(body);
            }
        } catch (IOException e) {
            // the browser went away mid-response: nothing to repair on our side
            LOG.debug("response to {} not delivered: {}", exchange.getRequestURI(), e.getMessage());
        }
    }

    @Override
    public void close() {
        server.stop(0);
        executor.shutdownNow();
        index.close();
    }

    /** Blocks until the JVM is stopped (Ctrl-C): what {@code pylon ui} does after printing its URL. */
    public void await() {
        try {
            new java.util.concurrent.CountDownLatch(1).await();
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new UncheckedIOException(new IOException("interrupted"));
        }
    }
}
