package csbot.emulator;

import com.fasterxml.jackson.annotation.JsonIgnore;

/**
 * A file the emulator holds: uploaded by the bot (sendPhoto, sendDocument) or sent by a user.
 * {@code kind} is the message field it appears under ("photo", "document"). {@code bytes} is empty
 * for a file the bot gave by URL, which the emulator does not fetch.
 */
public record MediaFile(String fileId, String fileUniqueId, String kind, String fileName, String mimeType,
                        @JsonIgnore byte[] bytes) {

    public int size() {
        return bytes.length;
    }
}
