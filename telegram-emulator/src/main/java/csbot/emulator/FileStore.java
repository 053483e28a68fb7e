package csbot.emulator;

import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.AtomicLong;

/** Files the bot uploaded or users sent, by file_id, so they can be sent again, downloaded or inspected. */
final class FileStore {

    private final ConcurrentHashMap<String, MediaFile> byId = new ConcurrentHashMap<>();
    private final AtomicLong counter = new AtomicLong();

    MediaFile store(String kind, UploadedFile upload) {
        long n = counter.incrementAndGet();
        MediaFile file = new MediaFile("emu-" + kind + "-" + n, "emu-u" + n, kind, upload.fileName(),
                upload.contentType(), upload.bytes());
        byId.put(file.fileId(), file);
        return file;
    }

    Optional<MediaFile> get(String fileId) {
        return Optional.ofNullable(byId.get(fileId));
    }

    /** Where getFile says the file can be downloaded, below {@code /file/bot<token>/}. */
    static String path(MediaFile file) {
        return file.kind() + "s/" + file.fileId();
    }

    Optional<MediaFile> byPath(String path) {
        int slash = path.lastIndexOf('/');
        return get(path.substring(slash + 1));
    }
}
