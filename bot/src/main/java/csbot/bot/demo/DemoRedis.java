package csbot.bot.demo;

import csbot.bot.config.RedisProperties;
import io.lettuce.core.RedisURI;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.context.annotation.Profile;
import org.springframework.stereotype.Component;
import redis.embedded.RedisServer;

import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.io.UncheckedIOException;
import java.net.InetSocketAddress;
import java.net.Socket;
import java.nio.charset.StandardCharsets;
import java.util.Optional;

/** Demo mode's Redis: the configured one if it answers, otherwise an embedded Redis on the same port. */
@Component
@Profile(DemoModeDetector.PROFILE)
public final class DemoRedis implements AutoCloseable {

    private static final Logger log = LoggerFactory.getLogger(DemoRedis.class);

    private final RedisURI uri;
    private Optional<RedisServer> embedded = Optional.empty();

    DemoRedis(RedisProperties properties) {
        this.uri = RedisURI.create(properties.url());
    }

    public synchronized void ensureRunning() {
        if (embedded.isPresent() || answers(uri.getHost(), uri.getPort())) {
            return;
        }
        try {
            RedisServer server = RedisServer.newRedisServer()
                    .port(uri.getPort())
                    .bind("127.0.0.1")
                    .setting("save \"\"")
                    .setting("appendonly no")
                    .build();
            server.start();
            embedded = Optional.of(server);
            log.info("demo: no Redis answered at {}:{}, started an embedded one there", uri.getHost(), uri.getPort());
        } catch (IOException e) {
            throw new UncheckedIOException("demo: cannot start an embedded Redis", e);
        }
    }

    static boolean answers(String host, int port) {
        try (Socket socket = new Socket()) {
            socket.connect(new InetSocketAddress(host, port), 500);
            socket.setSoTimeout(500);
            OutputStream out = socket.getOutputStream();
            out.write("PING\r\n".getBytes(StandardCharsets.US_ASCII));
            out.flush();
            InputStream in = socket.getInputStream();
            int first = in.read();
            // "+PONG", or "-NOAUTH …" from a Redis that wants a password: either way a Redis owns the port
            return first == '+' || first == '-';
        } catch (IOException e) {
            return false;
        }
    }

    @Override
    public synchronized void close() throws IOException {
        if (embedded.isPresent()) {
            embedded.get().stop();
            embedded = Optional.empty();
        }
    }
}
