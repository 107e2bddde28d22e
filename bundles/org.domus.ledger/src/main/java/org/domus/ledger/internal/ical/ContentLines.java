package org.domus.ledger.internal.ical;

import java.nio.charset.StandardCharsets;

/**
 * Writes RFC 5545 content lines: {@code NAME[;PARAM=VALUE]:value}, each ended by CRLF and folded so that
 * no physical line is longer than 75 octets (continuation lines start with one space, which counts).
 * Folding happens between characters, never inside a UTF-8 sequence.
 */
final class ContentLines {

    static final String CRLF = "\r\n";
    private static final int MAX_OCTETS = 75;

    private final StringBuilder out = new StringBuilder();

    /** A property whose value is written as it is (dates, UIDs, keywords). */
    ContentLines raw(String nameAndParams, String value) {
        fold(nameAndParams + ":" + value);
        return this;
    }

    /** A TEXT property: backslash, semicolon, comma and line breaks escaped (RFC 5545 3.3.11). */
    ContentLines text(String name, String value) {
        return raw(name, escape(value));
    }

    static String escape(String value) {
        StringBuilder sb = new StringBuilder(value.length() + 8);
        for (int i = 0; i < value.length(); i++) {
            char c = value.charAt(i);
            switch (c) {
                case '\\' -> sb.append("\\\\");
                case ';' -> sb.append("\\;");
                case ',' -> sb.append("\\,");
                case '\r' -> {
                    sb.append("\\n");
                    if (i + 1 < value.length() && value.charAt(i + 1) == '\n') {
                        i++;
                    }
                }
                case '\n' -> sb.append("\\n");
                default -> {
                    // other control characters are not allowed in TEXT
                    if (c >= 0x20 || c == '\t') {
                        sb.append(c);
                    }
                }
            }
        }
        return sb.toString();
    }

    private void fold(String line) {
        int octets = 0;
        for (int i = 0; i < line.length(); ) {
            int cp = line.codePointAt(i);
            int size = new String(Character.toChars(cp)).getBytes(StandardCharsets.UTF_8).length;
            if (octets + size > MAX_OCTETS) {
                out.append(CRLF).append(' ');
                octets = 1;
            }
            out.appendCodePoint(cp);
            octets += size;
            i += Character.charCount(cp);
        }
        out.append(CRLF);
    }

    @Override
    public String toString() {
        return out.toString();
    }
}
