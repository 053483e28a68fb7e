package csbot.emulator;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;

import javax.imageio.ImageIO;
import javax.imageio.ImageReader;
import javax.imageio.stream.ImageInputStream;
import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.util.Iterator;

/**
 * sendPhoto and sendDocument: the file comes as an upload (kept with its bytes), a file_id the
 * emulator issued, or a URL (not fetched).
 */
final class SendMediaMethod implements BotMethod {

    static final int MAX_CAPTION_LENGTH = 1024;

    private final String kind;
    private final Chats chats;
    private final FileStore files;
    private final BotOutbox outbox;

    /** @param kind "photo" or "document": both the parameter name and the message field */
    SendMediaMethod(String kind, Chats chats, FileStore files, BotOutbox outbox) {
        this.kind = kind;
        this.chats = chats;
        this.files = files;
        this.outbox = outbox;
    }

    @Override
    public JsonNode handle(MethodCall call) {
        ChatState chat = chats.forBot(call.chatId());
        MediaFile file = file(call);
        FormattedText caption = caption(call);
        ObjectNode content = captionContent(caption);
        content.set(kind, kind.equals("photo") ? photoSizes(file) : document(file));
        content.setAll(ForumTopics.threadFields(chat, call));
        return outbox.post(chat, content, caption.text(), file, Markup.parse(call.json("reply_markup"))).telegram();
    }

    private MediaFile file(MethodCall call) {
        UploadedFile upload = call.files().get(kind);
        if (upload != null) {
            return files.store(kind, upload);
        }
        String reference = call.text(kind);
        if (reference == null || reference.isEmpty()) {
            throw ApiError.badRequest("there is no " + kind + " in the request").exception();
        }
        if (reference.startsWith("http://") || reference.startsWith("https://")) {
            String name = reference.substring(reference.lastIndexOf('/') + 1);
            return files.store(kind, new UploadedFile(name, null, new byte[0]));
        }
        return files.get(reference)
                .orElseThrow(() -> ApiError.badRequest("wrong file identifier/HTTP URL specified").exception());
    }

    static FormattedText caption(MethodCall call) {
        String raw = call.text("caption");
        FormattedText caption = FormattedText.of(raw == null ? "" : raw, call.text("parse_mode"),
                call.json("caption_entities"));
        if (caption.text().length() > MAX_CAPTION_LENGTH) {
            throw ApiError.badRequest("message caption is too long").exception();
        }
        return caption;
    }

    /** Like text entities, caption fields are always set so an edit replaces them; empty ones are dropped. */
    static ObjectNode captionContent(FormattedText caption) {
        ObjectNode content = Json.object();
        if (!caption.text().isEmpty()) {
            content.put("caption", caption.text());
        }
        content.set("caption_entities", caption.entities());
        return content;
    }

    static JsonNode photoSizes(MediaFile file) {
        int[] size = imageSize(file.bytes());
        ObjectNode photo = Json.object()
                .put("file_id", file.fileId())
                .put("file_unique_id", file.fileUniqueId())
                .put("file_size", file.size())
                .put("width", size[0])
                .put("height", size[1]);
        return Json.array().add(photo);
    }

    private static JsonNode document(MediaFile file) {
        ObjectNode document = Json.object()
                .put("file_id", file.fileId())
                .put("file_unique_id", file.fileUniqueId())
                .put("file_size", file.size());
        if (file.fileName() != null) {
            document.put("file_name", file.fileName());
        }
        if (file.mimeType() != null) {
            document.put("mime_type", file.mimeType());
        }
        return document;
    }

    /** Width and height from the image header, {0, 0} when it is not an image the JDK reads. */
    private static int[] imageSize(byte[] bytes) {
        try (ImageInputStream in = ImageIO.createImageInputStream(new ByteArrayInputStream(bytes))) {
            Iterator<ImageReader> readers = in == null ? null : ImageIO.getImageReaders(in);
            if (readers == null || !readers.hasNext()) {
                return new int[] {0, 0};
            }
            ImageReader reader = readers.next();
            try {
                reader.setInput(in);
                return new int[] {reader.getWidth(0), reader.getHeight(0)};
            } finally {
                reader.dispose();
            }
        } catch (IOException e) {
            return new int[] {0, 0};
        }
    }
}
