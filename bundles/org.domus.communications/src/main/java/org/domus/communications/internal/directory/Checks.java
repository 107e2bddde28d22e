package org.domus.communications.internal.directory;

import java.time.DayOfWeek;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.EnumMap;
import java.util.List;
import java.util.Map;
import java.util.TreeSet;
import java.util.regex.Pattern;
import org.domus.communications.OpeningHours;
import org.domus.core.registry.FieldError;
import org.domus.core.registry.InvalidFieldsException;

/** Collects the refused fields of a directory entry, so that one answer names all of them. */
final class Checks {

    static final int MAX_INTERVALS_PER_DAY = 4;
    static final int MAX_CLOSED_DAYS = 60;

    private static final Pattern EMAIL = Pattern.compile("[^@\\s]{1,64}@[^@\\s]+\\.[^@\\s]{2,}");
    /** Digits with spaces, hyphens, slashes or brackets between them, optionally after a leading +. */
    private static final Pattern PHONE = Pattern.compile("\\+?[0-9(][0-9 ()/-]*[0-9]");

    private final List<FieldError> errors = new ArrayList<>();

    /** Stripped, 1..max characters, no control characters other than line breaks. */
    String required(String field, String text, int max, String key) {
        String s = text == null ? "" : text.strip();
        if (s.isEmpty() || s.length() > max || s.chars().anyMatch(c -> c < 0x20 && c != '\n' && c != '\r')) {
            add(field, key, max);
            return null;
        }
        return s;
    }

    /** Null when blank, else as {@link #required}. */
    String optional(String field, String text, int max, String key) {
        return text == null || text.isBlank() ? null : required(field, text, max, key);
    }

    /**
     * E.164-like: a leading + with 8 to 15 digits, or a national number of 3 to 15 digits (emergency short
     * numbers such as 112 or 1239 included); spaces, hyphens, slashes and brackets between the digits.
     */
    String phone(String field, String text, boolean required) {
        if (text == null || text.isBlank()) {
            if (required) {
                add(field, "communications.directory.phone-required");
            }
            return null;
        }
        String p = text.strip();
        long digits = p.chars().filter(Character::isDigit).count();
        boolean international = p.startsWith("+");
        if (p.length() > 40 || !PHONE.matcher(p).matches() || digits > 15 || digits < (international ? 8 : 3)) {
            add(field, "communications.directory.phone-invalid");
            return null;
        }
        return p;
    }

    String email(String field, String text) {
        if (text == null || text.isBlank()) {
            return null;
        }
        String e = text.strip();
        if (e.length() > 200 || !EMAIL.matcher(e).matches()) {
            add(field, "communications.directory.email-invalid");
            return null;
        }
        return e;
    }

    /**
     * Times {@code HH:mm} from 00:00 to 24:00, each end after its start, at most {@value #MAX_INTERVALS_PER_DAY}
     * intervals a day, none overlapping another of the same day. Returned sorted by day and time.
     */
    List<OpeningHours> hours(List<OpeningHours> hours) {
        Map<DayOfWeek, List<OpeningHours>> byDay = new EnumMap<>(DayOfWeek.class);
        boolean valid = true;
        for (int i = 0; i < hours.size(); i++) {
            OpeningHours h = hours.get(i);
            if (h == null || h.day() == null) {
                add("hours[" + i + "]", "communications.directory.hours-day-required");
                valid = false;
                continue;
            }
            int from = h.fromMinute();
            int to = h.toMinute();
            if (from < 0 || to < 0 || from >= 1440 || to <= from) {
                add("hours[" + i + "]", "communications.directory.hours-invalid", h.from(), h.to());
                valid = false;
                continue;
            }
            byDay.computeIfAbsent(h.day(), d -> new ArrayList<>()).add(OpeningHours.of(h.day(), from, to));
        }
        List<OpeningHours> sorted = new ArrayList<>();
        for (Map.Entry<DayOfWeek, List<OpeningHours>> day : byDay.entrySet()) {
            List<OpeningHours> list = new ArrayList<>(day.getValue());
            list.sort(Comparator.comparingInt(OpeningHours::fromMinute));
            if (list.size() > MAX_INTERVALS_PER_DAY) {
                add("hours", "communications.directory.hours-too-many", day.getKey(), MAX_INTERVALS_PER_DAY);
                valid = false;
            }
            for (int i = 1; i < list.size(); i++) {
                if (list.get(i).fromMinute() < list.get(i - 1).toMinute()) {
                    add(
                            "hours",
                            "communications.directory.hours-overlap",
                            day.getKey(),
                            list.get(i - 1).from() + "-" + list.get(i - 1).to(),
                            list.get(i).from() + "-" + list.get(i).to());
                    valid = false;
                }
            }
            sorted.addAll(list);
        }
        return valid ? sorted : List.of();
    }

    /** Distinct, sorted, at most {@value #MAX_CLOSED_DAYS}. */
    List<LocalDate> closedDays(List<LocalDate> days) {
        if (days.stream().anyMatch(java.util.Objects::isNull)) {
            add("closedDays", "communications.directory.closed-days-invalid", MAX_CLOSED_DAYS);
            return List.of();
        }
        TreeSet<LocalDate> set = new TreeSet<>(days);
        if (set.size() > MAX_CLOSED_DAYS) {
            add("closedDays", "communications.directory.closed-days-invalid", MAX_CLOSED_DAYS);
            return List.of();
        }
        return List.copyOf(set);
    }

    void add(String field, String key, Object... arguments) {
        errors.add(new FieldError(field, key, List.of(arguments)));
    }

    void throwIfAny() {
        if (!errors.isEmpty()) {
            throw new InvalidFieldsException(errors);
        }
    }
}
