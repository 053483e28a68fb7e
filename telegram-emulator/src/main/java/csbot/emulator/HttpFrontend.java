package csbot.emulator;

import com.sun.net.httpserver.HttpHandler;
import com.sun.net.httpserver.HttpServer;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.InetSocketAddress;
import java.util.Map;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.ThreadFactory;
import java.util.concurrent.ThreadPoolExecutor;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;

/** The JDK HTTP server the emulator answers on, with a bounded pool of daemon worker threads. */
final class HttpFrontend implements AutoCloseable {

    private static final int BACKLOG = 1024;

    static {
        // Without TCP_NODELAY the JDK server's separate header and body writes meet delayed ACKs and
        // every keep-alive call waits ~40 ms (about 100 calls/s instead of thousands). The JDK reads this
        // once, when the first HttpServer of the JVM starts, so it only helps if nothing started one before.
        System.getProperties().putIfAbsent("sun.net.httpserver.nodelay", "true");
    }

    private final HttpServer server;
    private final ThreadPoolExecutor workers;

    /** @param handlers by path prefix; the longest matching prefix handles a request */
    HttpFrontend(String host, int port, int threads, Map<String, HttpHandler> handlers) {
        try {
            server = HttpServer.create(new InetSocketAddress(host, port), BACKLOG);
        } catch (IOException e) {
            throw new UncheckedIOException("cannot listen on " + host + ":" + port, e);
        }
        handlers.forEach(server::createContext);
        workers = new ThreadPoolExecutor(threads, threads, 30, TimeUnit.SECONDS, new LinkedBlockingQueue<>(),
                daemonThreads());
        workers.allowCoreThreadTimeOut(true);
        server.setExecutor(workers);
        server.start();
    }

    int port() {
        return server.getAddress().getPort();
    }

    private static ThreadFactory daemonThreads() {
        AtomicInteger count = new AtomicInteger();
        return runnable -> {
            Thread thread = new Thread(runnable, "telegram-emulator-http-" + count.incrementAndGet());
            thread.setDaemon(true);
            return thread;
        };
    }

    @Override
    public void close() {
        server.stop(0);
        workers.shutdownNow();  // ends long polls still waiting
    }
}
