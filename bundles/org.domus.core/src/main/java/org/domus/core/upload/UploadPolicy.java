package org.domus.core.upload;

import java.util.EnumSet;
import java.util.Objects;
import java.util.Set;

/**
 * What one upload field accepts: the types (decided from the content) and the largest size in bytes.
 *
 * @param accepted the accepted types, not empty
 * @param maxBytes the largest accepted upload, at least 1 byte
 */
public record UploadPolicy(Set<UploadType> accepted, long maxBytes) {

    /**
     * The largest number of pixels (width x height) of an uploaded image, checked from its header before it is
     * decoded (decompression bombs); phones' 200-megapixel modes pass.
     */
    public static final long MAX_PIXELS = 200_000_000L;

    /**
     * The largest number of pixels of a stored image: larger ones are decoded subsampled (every n-th pixel of
     * every n-th row, so the full image is never held in memory) down to at most this size.
     */
    public static final long STORED_MAX_PIXELS = 16_000_000L;

    public UploadPolicy {
        Objects.requireNonNull(accepted);
        if (accepted.isEmpty()) {
            throw new IllegalArgumentException("an upload policy must accept some type");
        }
        if (maxBytes < 1) {
            throw new IllegalArgumentException("maxBytes must be positive: " + maxBytes);
        }
        accepted = Set.copyOf(accepted);
    }

    /** Photos (JPEG, PNG, GIF stored as PNG) and PDF documents: attachments of tickets and work orders. */
    public static UploadPolicy photosAndPdf(long maxBytes) {
        return new UploadPolicy(EnumSet.of(UploadType.JPEG, UploadType.PNG, UploadType.GIF, UploadType.PDF), maxBytes);
    }

    /** Photos only (JPEG, PNG, GIF stored as PNG): meter reading photos, avatars. */
    public static UploadPolicy photos(long maxBytes) {
        return new UploadPolicy(EnumSet.of(UploadType.JPEG, UploadType.PNG, UploadType.GIF), maxBytes);
    }

    /** PDF documents only. */
    public static UploadPolicy pdf(long maxBytes) {
        return new UploadPolicy(EnumSet.of(UploadType.PDF), maxBytes);
    }

    /** Voice recordings: Ogg, WebM, MP3, M4A and WAV. */
    public static UploadPolicy audio(long maxBytes) {
        return new UploadPolicy(
                EnumSet.of(UploadType.OGG, UploadType.WEBM, UploadType.MP3, UploadType.M4A, UploadType.WAV), maxBytes);
    }

    /** Whether a type is accepted. */
    public boolean accepts(UploadType type) {
        return accepted.contains(type);
    }
}
