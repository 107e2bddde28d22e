package org.domus.itest.sample.internal;

import java.time.Instant;

/** A note as the REST resource and the view show it. */
public record NoteDto(Long id, String text, String author, Instant createdAt) {

    /** What a client sends to create a note. */
    public record New(String text) {}
}
