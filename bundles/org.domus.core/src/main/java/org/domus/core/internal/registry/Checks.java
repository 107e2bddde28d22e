package org.domus.core.internal.registry;

import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.regex.Pattern;
import org.domus.core.registry.FieldError;
import org.domus.core.registry.InvalidFieldsException;

/** Collects field errors of one registry object so that a client learns about every bad field at once. */
final class Checks {

    private static final Pattern EMAIL = Pattern.compile("[^@\\s]+@[^@\\s]+\\.[^@\\s]+");
    private static final Pattern PHONE = Pattern.compile("[+0-9 ()/.-]{3,32}");
    private static final Pattern COUNTRY = Pattern.compile("[A-Z]{2}");

    private final List<FieldError> errors = new ArrayList<>();

    void add(String field, String key, Object... arguments) {
        errors.add(new FieldError(field, key, List.of(arguments)));
    }

    boolean has(String field) {
        return errors.stream().anyMatch(e -> e.field().equals(field));
    }

    /** The stripped text, or null when blank; records {@code required} or {@code too-long}. */
    String text(String field, String value, int max, boolean required) {
        String s = value == null ? null : value.strip();
        if (s == null || s.isEmpty()) {
            if (required) {
                add(field, "registry.required");
            }
            return null;
        }
        if (s.length() > max) {
            add(field, "registry.too-long", max);
        }
        return s;
    }

    void required(String field, Object value) {
        if (value == null) {
            add(field, "registry.required");
        }
    }

    String country(String field, String value, boolean required) {
        String s = text(field, value, 2, required);
        if (s == null) {
            return null;
        }
        s = s.toUpperCase(Locale.ROOT);
        if (!COUNTRY.matcher(s).matches()) {
            add(field, "registry.country.invalid");
        }
        return s;
    }

    String email(String field, String value) {
        String s = text(field, value, 254, false);
        if (s != null && !EMAIL.matcher(s).matches()) {
            add(field, "registry.email.invalid");
        }
        return s;
    }

    String phone(String field, String value) {
        String s = value == null || value.isBlank() ? null : value.strip();
        if (s != null && !PHONE.matcher(s).matches()) {
            add(field, "registry.phone.invalid");
        }
        return s;
    }

    void decimal(String field, BigDecimal value, BigDecimal min, BigDecimal max, int scale) {
        if (value == null) {
            return;
        }
        if (value.compareTo(min) < 0 || value.compareTo(max) > 0) {
            add(field, "registry.range", min.toPlainString(), max.toPlainString());
        } else if (value.stripTrailingZeros().scale() > scale) {
            add(field, "registry.decimals", scale);
        }
    }

    void range(String field, Integer value, int min, int max) {
        if (value != null && (value < min || value > max)) {
            add(field, "registry.range", min, max);
        }
    }

    boolean isEmpty() {
        return errors.isEmpty();
    }

    void throwIfAny() {
        if (!errors.isEmpty()) {
            throw new InvalidFieldsException(errors);
        }
    }

    /** Lower-case search key. */
    static String key(String s) {
        return s == null ? "" : s.strip().toLowerCase(Locale.ROOT);
    }

    /**
     * Sort key that orders numbers naturally ("2" before "10"): every run of digits is left-padded to 10
     * places.
     */
    static String sortKey(String s) {
        String k = key(s);
        StringBuilder out = new StringBuilder();
        int i = 0;
        while (i < k.length()) {
            char c = k.charAt(i);
            if (Character.isDigit(c)) {
                int j = i;
                while (j < k.length() && Character.isDigit(k.charAt(j))) {
                    j++;
                }
                String digits = k.substring(i, j);
                out.append("0".repeat(Math.max(0, 10 - digits.length()))).append(digits);
                i = j;
            } else {
                out.append(c);
                i++;
            }
        }
        return out.length() > 64 ? out.substring(0, 64) : out.toString();
    }

    /** A LIKE pattern for "starts with" / "contains", with the wildcards of the input escaped by '!'. */
    static String like(String s, boolean contains) {
        String escaped = key(s).replace("!", "!!").replace("%", "!%").replace("_", "!_");
        return (contains ? "%" : "") + escaped + "%";
    }
}
