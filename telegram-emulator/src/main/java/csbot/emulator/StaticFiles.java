package csbot.emulator;

import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpHandler;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;

/** The web chat page's files, from the classpath; {@code /} is the page itself. */
final class StaticFiles implements HttpHandler {

    private static final String ROOT = "/csbot/emulator/web/";
    private static final Map<String, String> TYPES = Map.of(
            "html", "text/html; charset=utf-8",
            "js", "text/javascript; charset=utf-8",
            "css", "text/css; charset=utf-8",
            "svg", "image/svg+xml");

    /** The page never changes while the emulator runs, so each file is read once. */
    private final Map<String, Optional<byte[]>> cache = new ConcurrentHashMap<>();

    @Override
    public void handle(HttpExchange exchange) throws IOException {
        try (exchange) {
            Exchanges.body(exchange);
            String path = exchange.getRequestURI().getPath();
            String name = path.equals("/") ? "index.html" : path.substring(1);
            String extension = name.substring(name.lastIndexOf('.') + 1);
            Optional<byte[]> content = name.matches("[a-z0-9-]+\\.[a-z]+") && TYPES.containsKey(extension)
                    ? cache.computeIfAbsent(name, StaticFiles::load) : Optional.empty();
            if (content.isEmpty()) {
                Exchanges.send(exchange, 404, "text/plain", "Not Found".getBytes(StandardCharsets.UTF_8));
                return;
            }
            exchange.getResponseHeaders().set("Cache-Control", "no-cache");
            Exchanges.send(exchange, 200, TYPES.get(extension), content.get());
        }
    }

    private static Optional<byte[]> load(String name) {
        try (InputStream in = StaticFiles.class.getResourceAsStream(ROOT + name)) {
            return in == null ? Optional.empty() : Optional.of(in.readAllBytes());
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
