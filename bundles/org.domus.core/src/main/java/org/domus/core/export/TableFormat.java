package org.domus.core.export;

import java.io.IOException;
import java.io.OutputStream;
import java.io.UncheckedIOException;
import java.text.Normalizer;
import java.util.Locale;
import java.util.Optional;

/** The download formats of a {@link Table}. */
public enum TableFormat {
    /**
     * CSV for the spreadsheet of the reader's locale: UTF-8 with a byte order mark (so Excel reads the
     * diacritics), CRLF lines, a header row; where the locale writes a decimal comma (cs, pl, ro...) cells
     * are separated by {@code ;} and numbers use the comma, elsewhere {@code ,} and a dot. Text that a
     * spreadsheet would take for a formula (starting with {@code = + - @}, tab or CR) gets a leading
     * apostrophe.
     */
    CSV("text/csv", "csv"),
    /** An Office Open XML workbook of one sheet: bold frozen header row, money, date and month formats. */
    XLSX("application/vnd.openxmlformats-officedocument.spreadsheetml.sheet", "xlsx");

    private final String mediaType;
    private final String extension;

    TableFormat(String mediaType, String extension) {
        this.mediaType = mediaType;
        this.extension = extension;
    }

    /** The media type (without charset). */
    public String mediaType() {
        return mediaType;
    }

    /** The file name extension without the dot. */
    public String extension() {
        return extension;
    }

    /**
     * Writes the table; the stream is flushed, not closed.
     *
     * @param locale the reader's locale (CSV separators and decimal mark)
     */
    public void write(Table table, Locale locale, OutputStream out) {
        try {
            switch (this) {
                case CSV -> CsvTableWriter.write(table, locale, out);
                case XLSX -> XlsxTableWriter.write(table, out);
            }
            out.flush();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** The table as bytes (for views that hand a download to the browser). */
    public byte[] toBytes(Table table, Locale locale) {
        var out = new java.io.ByteArrayOutputStream();
        write(table, locale, out);
        return out.toByteArray();
    }

    /**
     * A file name for a download: the base reduced to ASCII letters, digits, {@code -} and {@code _}
     * (diacritics dropped, anything else a dash), then the extension; e.g. {@code arrears-2026-11.xlsx}.
     */
    public String fileName(String base) {
        String ascii = Normalizer.normalize(base == null ? "" : base, Normalizer.Form.NFD)
                .replaceAll("\\p{M}+", "")
                .replaceAll("[^A-Za-z0-9_-]+", "-")
                .replaceAll("-{2,}", "-")
                .replaceAll("^-|-$", "");
        if (ascii.length() > 100) {
            ascii = ascii.substring(0, 100);
        }
        return (ascii.isEmpty() ? "export" : ascii) + "." + extension;
    }

    /** The format named by a {@code format} parameter ({@code csv}, {@code xlsx}, any case), if any. */
    public static Optional<TableFormat> named(String name) {
        if (name == null) {
            return Optional.empty();
        }
        for (TableFormat f : values()) {
            if (f.extension.equalsIgnoreCase(name.strip())) {
                return Optional.of(f);
            }
        }
        return Optional.empty();
    }

    /** The format whose media type is {@code mediaType} (parameters ignored), if any. */
    public static Optional<TableFormat> ofMediaType(String mediaType) {
        if (mediaType == null) {
            return Optional.empty();
        }
        String bare = mediaType.split(";", 2)[0].strip();
        for (TableFormat f : values()) {
            if (f.mediaType.equalsIgnoreCase(bare)) {
                return Optional.of(f);
            }
        }
        return Optional.empty();
    }
}
