package csbot.emulator;

import com.fasterxml.jackson.databind.JsonNode;

/** getFile: where a file can be downloaded ({@code /file/bot<token>/<file_path>}). */
final class GetFileMethod implements BotMethod {

    private final FileStore files;

    GetFileMethod(FileStore files) {
        this.files = files;
    }

    @Override
    public JsonNode handle(MethodCall call) {
        String fileId = call.text("file_id");
        MediaFile file = files.get(fileId == null ? "" : fileId)
                .orElseThrow(() -> ApiError.badRequest("invalid file_id").exception());
        return Json.object()
                .put("file_id", file.fileId())
                .put("file_unique_id", file.fileUniqueId())
                .put("file_size", file.size())
                .put("file_path", FileStore.path(file));
    }
}
