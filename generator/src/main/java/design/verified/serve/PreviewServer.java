package design.verified.serve;

import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpServer;
import design.verified.BuildFailure;
import design.verified.SiteBuild;
import design.verified.SiteLayout;

import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.io.PrintStream;
import java.io.UncheckedIOException;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.nio.file.ClosedWatchServiceException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.concurrent.Executors;

/**
 * {@code serve}: builds, serves the site on 127.0.0.1, watches content/, snippets/ and templates/, and
 * rebuilds on every change with the same warm {@link SiteBuild} (so only what the change affects is
 * recompiled, rerun and re-rendered). Open pages reload themselves after a good rebuild; after a failed
 * one they show the problems, while the last good site keeps being served.
 */
public final class PreviewServer implements AutoCloseable {

    static final String PREFIX = "/__preview/";
    private static final Map<String, String> TYPES = Map.of("html", "text/html; charset=utf-8",
            "css", "text/css; charset=utf-8", "js", "text/javascript; charset=utf-8", "json", "application/json",
            "svg", "image/svg+xml", "png", "image/png", "xml", "application/xml", "txt", "text/plain; charset=utf-8");

    private final SiteLayout layout;
    private final PrintStream console;
    private final BuildStatus status = new BuildStatus();
    private final SiteBuild build;
    private final HttpServer http;
    private final SourceWatcher watcher;
    private final Thread watching;

    private PreviewServer(SiteLayout layout, int port, PrintStream console) throws IOException {
        this.layout = layout;
        this.console = console;
        // Bind first: a port in use fails at once, not after the first build.
        this.http = HttpServer.create(new InetSocketAddress(InetAddress.getLoopbackAddress(), port), 0);
        this.build = new SiteBuild(layout, console);
        try {
            this.watcher = new SourceWatcher(List.of(layout.content(), layout.snippets(), layout.templates()));
        } catch (IOException | RuntimeException e) {
            http.stop(0);
            build.close();
            throw e;
        }
        rebuild("start");
        http.setExecutor(Executors.newFixedThreadPool(4, r -> {
            Thread t = new Thread(r, "preview-http");
            t.setDaemon(true);
            return t;
        }));
        http.createContext("/", this::handle);
        http.start();
        this.watching = new Thread(this::watch, "preview-watch");
        watching.start();
    }

    /** The command-line preview: serves until the process is stopped. */
    public static void run(SiteLayout layout, int port) {
        try (PreviewServer preview = start(layout, port, System.out)) {
            System.out.println("Serving http://127.0.0.1:" + preview.port()
                    + "/  (watching content/, snippets/, templates/; Ctrl-C stops)");
            preview.watching.join();
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }

    /** Builds once, then serves and rebuilds on every change until closed; port 0 picks a free port. */
    public static PreviewServer start(SiteLayout layout, int port, PrintStream console) {
        try {
            return new PreviewServer(layout, port, console);
        } catch (java.net.BindException e) {
            throw new UncheckedIOException("port " + port + " is in use: start the preview on another one with -Dsite.port=N", e);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    public int port() {
        return http.getAddress().getPort();
    }

    private void watch() {
        try {
            while (true) {
                List<Path> changed = watcher.nextChanges();
                rebuild(changed.size() == 1 ? layout.relative(changed.get(0)) : changed.size() + " files");
            }
        } catch (InterruptedException | ClosedWatchServiceException e) {
            // closed
        } catch (IOException e) {
            console.println("-- the preview stopped watching: " + e);
        }
    }

    /** Stops watching (after the rebuild in progress, if any), stops serving and shuts the build's workers down. */
    @Override
    public void close() {
        try {
            watcher.close();
            watching.join();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        } finally {
            http.stop(0);
            build.close();
        }
    }

    private void rebuild(String cause) {
        console.println("-- rebuilding (" + cause + ")");
        long start = System.nanoTime();
        try {
            List<String> deferred = build.build(true);
            status.succeeded();
            console.printf("-- ok in %d ms%n", (System.nanoTime() - start) / 1_000_000);
            if (!deferred.isEmpty()) { // programs that index the pages themselves: refresh them now
                console.println("-- refreshing " + String.join(", ", deferred) + " (they read the pages you edited)");
                build.build(false);
                status.succeeded();
                console.printf("-- ok in %d ms%n", (System.nanoTime() - start) / 1_000_000);
            }
        } catch (BuildFailure failure) {
            status.failed(failure.report());
            console.println(failure.report());
            console.println("-- still serving the last good site");
        } catch (RuntimeException e) {
            status.failed("BUILD FAILED: " + e);
            e.printStackTrace(console);
        }
    }

    private void handle(HttpExchange exchange) throws IOException {
        try (exchange) {
            String path = URI.create(exchange.getRequestURI().toString()).getPath();
            if (path.equals(PREFIX + "status")) {
                send(exchange, 200, "application/json", status.json().getBytes(StandardCharsets.UTF_8));
                return;
            }
            if (path.equals(PREFIX + "reload.js")) {
                try (InputStream in = PreviewServer.class.getResourceAsStream("reload.js")) {
                    send(exchange, 200, TYPES.get("js"), in.readAllBytes());
                }
                return;
            }
            Path site = layout.site();
            Path file = site.resolve(path.substring(1)).normalize();
            if (Files.isDirectory(file)) {
                file = file.resolve("index.html");
            }
            if (!file.startsWith(site) || !Files.isRegularFile(file)) {
                send(exchange, 404, TYPES.get("txt"), ("not found: " + path).getBytes(StandardCharsets.UTF_8));
                return;
            }
            String name = file.getFileName().toString();
            String extension = name.substring(name.lastIndexOf('.') + 1);
            byte[] body = Files.readAllBytes(file);
            if (extension.equals("html")) {
                body = withReloadScript(new String(body, StandardCharsets.UTF_8)).getBytes(StandardCharsets.UTF_8);
            }
            send(exchange, 200, TYPES.getOrDefault(extension, "application/octet-stream"), body);
        }
    }

    /** The published files stay as built; only the preview adds its script, and only to what it serves. */
    static String withReloadScript(String html) {
        String tag = "<script src=\"" + PREFIX + "reload.js\"></script>";
        int end = html.lastIndexOf("</body>");
        return end < 0 ? html + tag : html.substring(0, end) + tag + html.substring(end);
    }

    private static void send(HttpExchange exchange, int code, String type, byte[] body) throws IOException {
        exchange.getResponseHeaders().set("Content-Type", type);
        exchange.getResponseHeaders().set("Cache-Control", "no-store");
        exchange.sendResponseHeaders(code, body.length);
        try (OutputStream out = exchange.getResponseBody()) {
            out.write(body);
        }
    }
}
