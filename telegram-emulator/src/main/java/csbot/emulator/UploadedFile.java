package csbot.emulator;

/** One file part of a multipart/form-data Bot API call. */
public record UploadedFile(String fileName, String contentType, byte[] bytes) {
}
