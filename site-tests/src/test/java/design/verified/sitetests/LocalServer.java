package design.verified.sitetests;

import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpServer;
import org.junit.jupiter.api.extension.AfterAllCallback;
import org.junit.jupiter.api.extension.BeforeAllCallback;
import org.junit.jupiter.api.extension.ExtensionContext;

import java.io.IOException;
import java.io.OutputStream;
import java.net.InetSocketAddress;
import java.net.URI;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Locale;
import java.util.Map;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;

/**
 * The published folder served on 127.0.0.1 the way a static host serves it: under the site's own path
 * (from the address the home page declares), with {@code 404.html} for any missing address.
 */
final class LocalServer implements AutoCloseable {

    private static final Map<String, String> TYPES = Map.ofEntries(
            Map.entry("html", "text/html; charset=utf-8"), Map.entry("css", "text/css; charset=utf-8"),
            Map.entry("js", "text/javascript; charset=utf-8"), Map.entry("json", "application/json"),
            Map.entry("svg", "image/svg+xml"), Map.entry("png", "image/png"), Map.entry("xml", "application/xml"),
            Map.entry("txt", "text/plain; charset=utf-8"));

    private final HttpServer server;
    private final ExecutorService threads;
    private final Path site;
    private final String basePath;

    private LocalServer(Path site, String basePath) throws IOException {
        this.site = site;
        this.basePath = basePath;
        this.server = HttpServer.create(new InetSocketAddress("127.0.0.1", 0), 0);
        this.threads = Executors.newFixedThreadPool(4, r -> {
            Thread t = new Thread(r, "local-site");
            t.setDaemon(true);
            return t;
        });
        server.setExecutor(threads);
        server.createContext("/", this::serve);
        server.start();
    }

    /** Serves {@code site} under {@code basePath} ("/" or "/name/"). */
    static LocalServer serve(Path site, String basePath) {
        try {
            return new LocalServer(site, basePath);
        } catch (IOException e) {
            throw new IllegalStateException("cannot listen on 127.0.0.1: " + e.getMessage(), e);
        }
    }

    /** Serves the published site under the path it declares (the home page's og:url). */
    static LocalServer servePublishedSite() {
        String declared = PublishedSite.page("index.html").select("meta[property=og:url]").attr("content");
        String path = declared.isEmpty() ? "/" : URI.create(declared).getPath();
        return serve(PublishedSite.dir(), path == null || path.isEmpty() ? "/" : path.substring(0, path.lastIndexOf('/') + 1));
    }

    /**
     * The published site served to the tests of one class, from before the first to after the last:
     * {@code @RegisterExtension static final LocalServer.PerClass server = new LocalServer.PerClass();}
     */
    static final class PerClass implements BeforeAllCallback, AfterAllCallback {

        private LocalServer server;

        @Override
        public void beforeAll(ExtensionContext context) {
            server = servePublishedSite();
        }

        @Override
        public void afterAll(ExtensionContext context) {
            if (server != null) {
                server.close();
            }
        }

        /** The address of a page, given relative to the site root. */
        String url(String relative) {
            return server.url(relative);
        }
    }

    /** The address of a page, given relative to the site root. */
    String url(String relative) {
        return "http://127.0.0.1:" + server.getAddress().getPort() + basePath + relative;
    }

    private void serve(HttpExchange exchange) throws IOException {
        try (exchange) {
            String path = URI.create(exchange.getRequestURI().getRawPath()).getPath();
            Path file = null;
            if (path.startsWith(basePath)) {
                String relative = path.substring(basePath.length());
                Path candidate = site.resolve(relative.isEmpty() || relative.endsWith("/") ? relative + "index.html" : relative)
                        .normalize();
                if (candidate.startsWith(site) && Files.isRegularFile(candidate)) {
                    file = candidate;
                }
            }
            int status = 200;
            if (file == null) {
                status = 404;
                file = site.resolve("404.html");
            }
            byte[] body = Files.isRegularFile(file) ? Files.readAllBytes(file) : "not found".getBytes();
            String name = file.getFileName().toString();
            String extension = name.substring(name.lastIndexOf('.') + 1).toLowerCase(Locale.ROOT);
            exchange.getResponseHeaders().set("Content-Type", TYPES.getOrDefault(extension, "application/octet-stream"));
            exchange.getResponseHeaders().set("Cache-Control", "no-store");
            boolean head = exchange.getRequestMethod().equals("HEAD");
            exchange.sendResponseHeaders(status, head ? -1 : body.length);
            if (!head) {
                try (OutputStream out = exchange.getResponseBody()) {
                    out.write(body);
                }
            }
        }
    }

    @Override
    public void close() {
        server.stop(0);
        threads.shutdownNow();
    }
}
