package csbot.bot.gate;

import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ExecutorService;
import java.util.function.Supplier;

/**
 * In-process ordering of one chat's updates: a chat's tasks run one after another in submission order, different
 * chats in parallel. If a task fails, the tasks queued behind it in the same chat fail too instead of overtaking it;
 * they are all delivered again and then run in order. (Across instances, the Redis chat lock does the same job.)
 */
final class ChatLanes {

    private final ExecutorService workers;
    private final ConcurrentHashMap<Long, CompletableFuture<Void>> tails = new ConcurrentHashMap<>();

    ChatLanes(ExecutorService workers) {
        this.workers = workers;
    }

    CompletableFuture<Void> submit(long chatId, Supplier<Void> task) {
        CompletableFuture<Void>[] mine = new CompletableFuture[1];
        tails.compute(chatId, (id, tail) -> {
            CompletableFuture<Void> previous = tail == null ? CompletableFuture.completedFuture(null) : tail;
            mine[0] = previous.thenApplyAsync(ignored -> task.get(), workers);
            return mine[0];
        });
        mine[0].whenComplete((result, error) -> tails.remove(chatId, mine[0]));
        return mine[0];
    }

}
