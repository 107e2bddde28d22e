package org.domus.communications.internal.mail;

import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.io.Reader;
import java.io.UncheckedIOException;
import java.math.BigDecimal;
import java.nio.charset.StandardCharsets;
import java.text.NumberFormat;
import java.time.LocalDate;
import java.time.YearMonth;
import java.time.format.DateTimeFormatter;
import java.time.format.DateTimeParseException;
import java.time.format.FormatStyle;
import java.util.Currency;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Properties;
import java.util.concurrent.ConcurrentHashMap;
import org.domus.core.qr.QrCodes;

/**
 * Renders {@link MailTemplates} in the recipient's language: subject, plain text and HTML in the common layout,
 * with the payment QR code as an inline image. Texts come from {@code mail/templates[_<lang>].properties} of this
 * bundle; a language without its own file, or a key missing in it, falls back to English.
 */
final class MailRenderer {

    /** The content id of the payment QR code in the HTML part. */
    static final String QR_CONTENT_ID = "qr";

    static final int QR_SIZE = 240;

    private final String publicUrl;
    private final ClassLoader loader;
    private final Map<String, Properties> catalogs = new ConcurrentHashMap<>();
    private final String layout;

    /** @param publicUrl the base of links into Domus, such as {@code https://domus.example.org} (no trailing slash) */
    MailRenderer(String publicUrl) {
        this.publicUrl = publicUrl.endsWith("/") ? publicUrl.substring(0, publicUrl.length() - 1) : publicUrl;
        this.loader = MailRenderer.class.getClassLoader();
        this.layout = resource("mail/layout.html");
    }

    /**
     * Renders a template.
     *
     * @throws IllegalArgumentException for an unknown template or a missing required value
     */
    RenderedMail render(String template, Locale locale, Map<String, String> given) {
        List<String> required = MailTemplates.REQUIRED.get(template);
        if (required == null) {
            throw new IllegalArgumentException("unknown mail template " + template);
        }
        for (String name : required) {
            String v = given.get(name);
            if (v == null || v.isBlank()) {
                throw new IllegalArgumentException("mail template " + template + " needs the value " + name);
            }
        }
        String lang = MailTemplates.LANGUAGES.contains(locale.getLanguage()) ? locale.getLanguage() : "en";
        Locale format = Locale.forLanguageTag(lang);
        Map<String, String> values = new HashMap<>(given);
        values.putIfAbsent(MailTemplates.NAME, "");
        values.computeIfPresent(MailTemplates.LINK, (k, v) -> absolute(v));
        String preferences = given.get(MailTemplates.PREFERENCES_LINK);
        values.put(
                MailTemplates.PREFERENCES_LINK,
                absolute(
                        preferences == null || preferences.isBlank()
                                ? MailTemplates.DEFAULT_PREFERENCES_PATH
                                : preferences));
        if (!"true".equalsIgnoreCase(values.getOrDefault("urgent", ""))) {
            values.remove("urgent");
        }
        localise(values, format);

        String subject = Placeholders.render(text(lang, template + ".subject"), values, false)
                .replaceAll("[\\r\\n]+", " ")
                .strip();
        String body = text(lang, template + ".text");
        String greeting = Placeholders.render(text(lang, "layout.greeting"), values, false);
        String footer = text(lang, "layout.footer");
        String qrPayload = values.get("qrPayload");
        boolean qr = qrPayload != null && !qrPayload.isBlank();

        StringBuilder plain = new StringBuilder();
        plain.append(greeting).append("\n\n");
        plain.append(Placeholders.render(body, values, false).strip()).append("\n");
        if (qr) {
            plain.append('\n')
                    .append(text(lang, "layout.qrText"))
                    .append('\n')
                    .append(qrPayload)
                    .append('\n');
        }
        if (values.containsKey(MailTemplates.LINK)
                && !values.get(MailTemplates.LINK).isBlank()) {
            plain.append('\n')
                    .append(text(lang, "layout.open"))
                    .append(": ")
                    .append(values.get(MailTemplates.LINK))
                    .append('\n');
        }
        plain.append("\n-- \n").append(footer).append('\n').append(values.get(MailTemplates.PREFERENCES_LINK));

        String htmlBody = optionalText(lang, template + ".html");
        String content = htmlBody != null
                ? Placeholders.render(htmlBody, values, true)
                : paragraphs(Placeholders.render(body, values, true).strip());
        Map<String, String> page = new HashMap<>(values);
        page.put("lang", lang);
        page.put("subject", subject);
        page.put("greeting", greeting);
        page.put("content", content);
        page.put("open", text(lang, "layout.open"));
        page.put("footer", footer);
        page.put("qrCaption", text(lang, "layout.qr"));
        if (!qr) {
            page.remove("qrPayload");
        }
        String html = Placeholders.render(layout, page, true);

        List<RenderedMail.InlineImage> images = qr
                ? List.of(new RenderedMail.InlineImage(QR_CONTENT_ID, "image/png", QrCodes.png(qrPayload, QR_SIZE)))
                : List.of();
        return new RenderedMail(subject, plain.toString(), html, images);
    }

    /** Amounts with their currency, dates and months as the recipient's language writes them. */
    private static void localise(Map<String, String> values, Locale locale) {
        String amount = values.get("amount");
        String currency = values.get("currency");
        if (amount != null) {
            try {
                BigDecimal value = new BigDecimal(amount.strip());
                NumberFormat money = NumberFormat.getCurrencyInstance(locale);
                if (currency != null && !currency.isBlank()) {
                    Currency c = Currency.getInstance(currency.strip().toUpperCase(Locale.ROOT));
                    money.setCurrency(c);
                    money.setMinimumFractionDigits(c.getDefaultFractionDigits());
                    money.setMaximumFractionDigits(c.getDefaultFractionDigits());
                }
                values.put("amount", money.format(value).replace('\u00a0', ' ').replace('\u202f', ' '));
            } catch (IllegalArgumentException e) {
                // not a plain number or currency code: shown as given
                values.put("amount", currency == null ? amount : amount + " " + currency);
            }
        }
        String due = values.get("dueDate");
        if (due != null) {
            try {
                values.put(
                        "dueDate",
                        DateTimeFormatter.ofLocalizedDate(FormatStyle.LONG)
                                .withLocale(locale)
                                .format(LocalDate.parse(due.strip())));
            } catch (DateTimeParseException e) {
                // shown as given
            }
        }
        String month = values.get("month");
        if (month != null) {
            try {
                values.put(
                        "month",
                        DateTimeFormatter.ofPattern("LLLL yyyy", locale).format(YearMonth.parse(month.strip())));
            } catch (DateTimeParseException e) {
                // shown as given
            }
        }
    }

    /** Escaped text as HTML paragraphs: blank lines separate paragraphs, single line breaks stay. */
    private static String paragraphs(String escaped) {
        StringBuilder out = new StringBuilder();
        for (String p : escaped.split("\\n\\s*\\n")) {
            out.append("<p>").append(p.strip().replace("\n", "<br>\n")).append("</p>\n");
        }
        return out.toString();
    }

    private String absolute(String link) {
        if (link == null || link.isBlank() || link.startsWith("http://") || link.startsWith("https://")) {
            return link;
        }
        return publicUrl + (link.startsWith("/") ? link : "/" + link);
    }

    private String text(String lang, String key) {
        String v = optionalText(lang, key);
        if (v == null) {
            throw new IllegalStateException("mail text " + key + " is missing");
        }
        return v;
    }

    private String optionalText(String lang, String key) {
        String v = catalog(lang).getProperty(key);
        return v != null ? v : catalog("en").getProperty(key);
    }

    private Properties catalog(String lang) {
        return catalogs.computeIfAbsent(lang, l -> {
            Properties p = new Properties();
            String name = l.equals("en") ? "mail/templates.properties" : "mail/templates_" + l + ".properties";
            try (InputStream in = loader.getResourceAsStream(name)) {
                if (in != null) {
                    try (Reader r = new InputStreamReader(in, StandardCharsets.UTF_8)) {
                        p.load(r);
                    }
                }
            } catch (IOException e) {
                throw new UncheckedIOException(e);
            }
            return p;
        });
    }

    private String resource(String name) {
        try (InputStream in = loader.getResourceAsStream(name)) {
            if (in == null) {
                throw new IllegalStateException(name + " is missing from the bundle");
            }
            return new String(in.readAllBytes(), StandardCharsets.UTF_8);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
