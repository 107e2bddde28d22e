package org.domus.tickets.internal;

import java.util.regex.Pattern;
import org.domus.core.DomusException;
import org.domus.core.DomusException.Kind;

/** Checks and trims of user-entered texts. */
final class Texts {

    private static final Pattern EMAIL = Pattern.compile("[^@\\s]{1,64}@[^@\\s]+\\.[^@\\s]{2,}");
    private static final Pattern PHONE = Pattern.compile("\\+?[0-9 ()/-]{6,30}");

    private Texts() {}

    /** Stripped, 1..max characters, no control characters other than line breaks and tabs. */
    static String required(String text, int max, String key) {
        String s = text == null ? "" : text.strip();
        if (s.isEmpty()
                || s.length() > max
                || s.chars().anyMatch(c -> c < 0x20 && c != '\n' && c != '\r' && c != '\t')) {
            throw new DomusException(Kind.INVALID, key, max);
        }
        return s;
    }

    static String limit(String text, int max) {
        if (text == null) {
            return null;
        }
        return text.length() <= max ? text : text.substring(0, max);
    }

    /** The first line of the description, at most 80 characters, as a title. */
    static String titleOf(String description) {
        String first = description.lines().findFirst().orElse(description).strip();
        return first.length() <= 80 ? first : first.substring(0, 77).strip() + "...";
    }

    static String email(String email) {
        if (email == null || email.isBlank()) {
            return null;
        }
        String e = email.strip();
        if (e.length() > 200 || !EMAIL.matcher(e).matches()) {
            throw new DomusException(Kind.INVALID, "tickets.contact.email-invalid");
        }
        return e;
    }

    static String phone(String phone) {
        if (phone == null || phone.isBlank()) {
            return null;
        }
        String p = phone.strip();
        if (!PHONE.matcher(p).matches()) {
            throw new DomusException(Kind.INVALID, "tickets.contact.phone-invalid");
        }
        return p;
    }
}
