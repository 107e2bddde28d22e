package org.domus.core.upload;

/**
 * An upload that passed {@link UploadInspector}: the bytes to store, which may differ from the bytes
 * received (images are re-encoded without metadata; a GIF becomes a PNG).
 *
 * @param type the type of the stored bytes (never {@link UploadType#GIF})
 * @param safeName the user's base name, sanitised, with the type's extension, e.g. {@code leak.jpg}
 * @param content the bytes to store
 * @param sha256 the SHA-256 of {@code content}, lower-case hex
 * @param width the image width in pixels; null for documents and audio
 * @param height the image height in pixels; null for documents and audio
 */
public record InspectedUpload(
        UploadType type, String safeName, byte[] content, String sha256, Integer width, Integer height) {

    /** The size of the stored bytes. */
    public long size() {
        return content.length;
    }
}
