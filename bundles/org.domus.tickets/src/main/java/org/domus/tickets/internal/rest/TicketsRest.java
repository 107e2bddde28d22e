package org.domus.tickets.internal.rest;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.time.Instant;
import java.time.LocalDate;
import java.time.format.DateTimeParseException;
import java.util.EnumSet;
import java.util.Locale;
import java.util.Set;
import java.util.function.Function;
import javax.ws.rs.core.Response;
import org.domus.rest.DomusRest;
import org.domus.rest.ValidationException;
import org.domus.tickets.AttachmentContent;
import org.domus.tickets.TicketSource;
import org.domus.tickets.TicketStatus;

/** What the tickets resources share: bodies, 201 answers, query parameters, file answers. */
final class TicketsRest {

    private TicketsRest() {}

    static byte[] read(InputStream body, long max) {
        if (body == null) {
            return new byte[0];
        }
        try (InputStream in = body) {
            return in.readNBytes((int) Math.min(Integer.MAX_VALUE - 8, max + 1));
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** Statuses as a comma-separated list, e.g. {@code NEW,ACCEPTED}. */
    static Set<TicketStatus> statuses(String text, ValidationException.Builder errors) {
        Set<TicketStatus> set = EnumSet.noneOf(TicketStatus.class);
        if (text == null || text.isBlank()) {
            return set;
        }
        for (String s : text.split(",")) {
            if (s.isBlank()) {
                continue;
            }
            try {
                set.add(TicketStatus.valueOf(s.strip().toUpperCase(Locale.ROOT)));
            } catch (IllegalArgumentException e) {
                errors.add("status", "validation.one-of", java.util.Arrays.toString(TicketStatus.values()));
            }
        }
        return set;
    }

    static TicketSource source(String text, ValidationException.Builder errors) {
        if (text == null || text.isBlank()) {
            return null;
        }
        try {
            return TicketSource.valueOf(text.strip().toUpperCase(Locale.ROOT));
        } catch (IllegalArgumentException e) {
            errors.add("source", "validation.one-of", "PORTAL, PUBLIC_FORM, STAFF");
            return null;
        }
    }

    static <E extends Enum<E>> E enumOf(Class<E> type, String text, String field, ValidationException.Builder errors) {
        if (text == null || text.isBlank()) {
            return null;
        }
        try {
            return Enum.valueOf(type, text.strip().toUpperCase(Locale.ROOT));
        } catch (IllegalArgumentException e) {
            errors.add(field, "validation.one-of", java.util.Arrays.toString(type.getEnumConstants()));
            return null;
        }
    }

    /**
     * An instant ({@code 2026-03-06T08:00:00Z}) or a day ({@code 2026-03-06}, its start in the organisation's
     * zone through {@code startOfDay}).
     */
    static Instant instant(
            String text, String field, Function<LocalDate, Instant> startOfDay, ValidationException.Builder errors) {
        if (text == null || text.isBlank()) {
            return null;
        }
        String s = text.strip();
        try {
            return s.length() == 10 ? startOfDay.apply(LocalDate.parse(s)) : Instant.parse(s);
        } catch (DateTimeParseException e) {
            errors.add(field, "validation.instant");
            return null;
        }
    }

    /**
     * A stored file: its own media type, downloaded (never rendered) unless it is an image, never sniffed.
     */
    static Response file(AttachmentContent content) {
        return DomusRest.storedFile(
                content.data(),
                content.attachment().mediaType(),
                content.attachment().name());
    }
}
