package org.domus.communications.internal.mail;

import java.util.Map;

/**
 * The mail templates' placeholder syntax, a small subset of Mustache: {@code {{name}}} inserts a value (HTML-escaped
 * when rendering HTML), {@code {{{name}}}} inserts it as is, {@code {{#name}}...{{/name}}} keeps the enclosed text
 * only when the value is present and not blank, {@code {{^name}}...{{/name}}} only when it is absent. Sections do not
 * nest under the same name. An unknown name inserts nothing.
 */
final class Placeholders {

    private Placeholders() {}

    static String render(String template, Map<String, String> values, boolean html) {
        StringBuilder out = new StringBuilder(template.length() + 64);
        int i = 0;
        while (i < template.length()) {
            int open = template.indexOf("{{", i);
            if (open < 0) {
                out.append(template, i, template.length());
                break;
            }
            out.append(template, i, open);
            if (template.startsWith("{{{", open)) {
                int close = template.indexOf("}}}", open);
                if (close < 0) {
                    throw new IllegalArgumentException("unclosed {{{ at " + open);
                }
                out.append(value(values, template.substring(open + 3, close).strip()));
                i = close + 3;
                continue;
            }
            int close = template.indexOf("}}", open);
            if (close < 0) {
                throw new IllegalArgumentException("unclosed {{ at " + open);
            }
            String tag = template.substring(open + 2, close).strip();
            i = close + 2;
            if (tag.startsWith("#") || tag.startsWith("^")) {
                String name = tag.substring(1).strip();
                String end = "{{/" + name + "}}";
                int endAt = template.indexOf(end, i);
                if (endAt < 0) {
                    throw new IllegalArgumentException("section " + name + " is not closed");
                }
                boolean present = !value(values, name).isBlank();
                if (present == tag.startsWith("#")) {
                    out.append(render(template.substring(i, endAt), values, html));
                }
                i = endAt + end.length();
            } else {
                String v = value(values, tag);
                out.append(html ? escape(v) : v);
            }
        }
        return out.toString();
    }

    private static String value(Map<String, String> values, String name) {
        String v = values.get(name);
        return v == null ? "" : v;
    }

    /** Escapes text for HTML element content and double-quoted attribute values. */
    static String escape(String text) {
        StringBuilder out = new StringBuilder(text.length() + 16);
        for (int i = 0; i < text.length(); i++) {
            char c = text.charAt(i);
            switch (c) {
                case '&' -> out.append("&amp;");
                case '<' -> out.append("&lt;");
                case '>' -> out.append("&gt;");
                case '"' -> out.append("&quot;");
                case '\'' -> out.append("&#39;");
                default -> out.append(c);
            }
        }
        return out.toString();
    }
}
