package csbot.sim;

import com.sun.net.httpserver.HttpServer;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.InetSocketAddress;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.ArrayDeque;
import java.util.Deque;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.function.Predicate;

/** A listener for the simulator's events, as the bot would run one: records each POST, answers as told (204 by default). */
final class EventReceiver implements AutoCloseable {

    record Received(String path, String timestamp, String signature, String body) {
    }

    private final HttpServer server;
    private final List<Received> received = new CopyOnWriteArrayList<>();
    private final Deque<Integer> answers = new ArrayDeque<>();

    EventReceiver() {
        try {
            server = HttpServer.create(new InetSocketAddress("127.0.0.1", 0), 0);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        server.createContext("/", exchange -> {
            byte[] body = exchange.getRequestBody().readAllBytes();
            received.add(new Received(exchange.getRequestURI().getPath(),
                    exchange.getRequestHeaders().getFirst("X-Csbot-Timestamp"),
                    exchange.getRequestHeaders().getFirst("X-Csbot-Signature"), new String(body, StandardCharsets.UTF_8)));
            int status;
            synchronized (answers) {
                status = answers.isEmpty() ? 204 : answers.removeFirst();
            }
            exchange.sendResponseHeaders(status, -1);
            exchange.close();
        });
        server.start();
    }

    /** The callback to register with the hub. */
    String callback() {
        return "http://127.0.0.1:" + server.getAddress().getPort() + "/csbot";
    }

    /** The next POSTs are answered with these statuses, in order; then 204 again. */
    void answerNext(Integer... statuses) {
        synchronized (answers) {
            answers.addAll(List.of(statuses));
        }
    }

    /** Waits up to 5 s for {@code count} POSTs to paths matching {@code which}, then answers all of those received. */
    List<Received> await(int count, Predicate<Received> which) throws InterruptedException {
        long deadline = System.nanoTime() + Duration.ofSeconds(5).toNanos();
        while (received.stream().filter(which).count() < count && System.nanoTime() < deadline) {
            Thread.sleep(20);
        }
        return received.stream().filter(which).toList();
    }

    List<Received> received() {
        return List.copyOf(received);
    }

    @Override
    public void close() {
        server.stop(0);
    }
}
