package org.domus.core.upload;

import java.util.Locale;
import java.util.Optional;

/** A file type Domus accepts for uploads, decided from the content by {@link UploadInspector}. */
public enum UploadType {
    JPEG("image/jpeg", "jpg", Kind.IMAGE, "jpeg", "jpe"),
    PNG("image/png", "png", Kind.IMAGE),
    /** Accepted on input only: GIFs are stored re-encoded as {@link #PNG}. */
    GIF("image/gif", "gif", Kind.IMAGE),
    PDF("application/pdf", "pdf", Kind.DOCUMENT),
    OGG("audio/ogg", "ogg", Kind.AUDIO, "oga", "opus"),
    WEBM("audio/webm", "webm", Kind.AUDIO, "weba"),
    MP3("audio/mpeg", "mp3", Kind.AUDIO),
    M4A("audio/mp4", "m4a", Kind.AUDIO, "mp4", "aac"),
    WAV("audio/wav", "wav", Kind.AUDIO, "wave");

    private enum Kind {
        IMAGE,
        DOCUMENT,
        AUDIO
    }

    private final String mediaType;
    private final String extension;
    private final Kind kind;
    private final String[] otherExtensions;

    UploadType(String mediaType, String extension, Kind kind, String... otherExtensions) {
        this.mediaType = mediaType;
        this.extension = extension;
        this.kind = kind;
        this.otherExtensions = otherExtensions;
    }

    /** The media type to serve the stored bytes with, e.g. {@code image/jpeg}. */
    public String mediaType() {
        return mediaType;
    }

    /** The file name extension of stored files, lower case without the dot, e.g. {@code jpg}. */
    public String extension() {
        return extension;
    }

    /** Whether this is a raster image (shown inline as a picture). */
    public boolean isImage() {
        return kind == Kind.IMAGE;
    }

    /** Whether this is a sound recording (a voice message). */
    public boolean isAudio() {
        return kind == Kind.AUDIO;
    }

    /** The type a file name extension usually stands for (case-insensitive, without the dot), if any. */
    public static Optional<UploadType> byExtension(String extension) {
        String ext = extension.toLowerCase(Locale.ROOT);
        for (UploadType type : values()) {
            if (type.extension.equals(ext)) {
                return Optional.of(type);
            }
            for (String other : type.otherExtensions) {
                if (other.equals(ext)) {
                    return Optional.of(type);
                }
            }
        }
        return Optional.empty();
    }
}
