package csbot.emulator;

import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpHandler;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.util.Optional;

/** {@code /file/bot<token>/<file_path>}: file downloads after getFile, as Telegram serves them. */
final class FileDownloadHandler implements HttpHandler {

    static final String PREFIX = "/file/bot";

    private final String token;
    private final FileStore files;

    FileDownloadHandler(String token, FileStore files) {
        this.token = token;
        this.files = files;
    }

    @Override
    public void handle(HttpExchange exchange) throws IOException {
        try (exchange) {
            Exchanges.body(exchange);
            String rest = exchange.getRequestURI().getPath().substring(PREFIX.length());
            Optional<MediaFile> file = rest.startsWith(token + "/")
                    ? files.byPath(rest.substring(token.length() + 1)) : Optional.empty();
            if (file.isEmpty()) {
                Exchanges.send(exchange, 404, "text/plain", "Not Found".getBytes(StandardCharsets.UTF_8));
                return;
            }
            String type = file.get().mimeType() == null ? "application/octet-stream" : file.get().mimeType();
            Exchanges.send(exchange, 200, type, file.get().bytes());
        }
    }
}
