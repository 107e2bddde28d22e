package org.domus.core.upload;

import java.io.InputStream;
import org.domus.core.DomusException;
import org.domus.core.internal.upload.Inspection;

/**
 * Checks an uploaded file on the server, by its content and never by its name, and answers the bytes that
 * are safe to store and serve back. Call it before anything is written; it does not close the stream.
 */
public final class UploadInspector {

    private UploadInspector() {}

    /**
     * Reads at most {@code policy.maxBytes() + 1} bytes from the stream (never buffers more), decides the type
     * by magic bytes and structure, and answers the bytes to store: images decoded and re-encoded (which drops
     * EXIF metadata including GPS positions; a GIF becomes a PNG), refused above {@link
     * UploadPolicy#MAX_PIXELS} pixels as read from the header before decoding (decompression bombs); PDFs
     * parsed with PDFBox and refused when damaged, encrypted, or carrying JavaScript or launch actions (stored
     * as received); audio checked by its container signature (stored as received).
     *
     * @param claimedName the file name the client sent; its base name (sanitised) is kept with the detected
     *     type's extension
     * @param content the uploaded bytes
     * @param policy what this upload field accepts
     * @return the checked upload
     * @throws DomusException of kind {@link DomusException.Kind#INVALID} with key {@code upload.empty}, {@code
     *     upload.too-large} (argument: the limit in MB), {@code upload.type-refused} (the content is not an
     *     accepted type: executables, HTML, archives...), {@code upload.type-mismatch} (the name's extension
     *     says another type than the content), {@code upload.svg-refused} (SVG or XML images, which may carry
     *     scripts), {@code upload.name-invalid} (path separators, "..", control characters, empty, over 200
     *     characters), {@code upload.image-too-large} (argument: the limit in megapixels) or {@code
     *     upload.damaged}
     */
    public static InspectedUpload inspect(String claimedName, InputStream content, UploadPolicy policy) {
        return Inspection.inspect(claimedName, content, policy);
    }
}
