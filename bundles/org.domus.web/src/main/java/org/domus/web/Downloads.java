package org.domus.web;

import com.vaadin.flow.component.html.Anchor;
import com.vaadin.flow.server.StreamResource;
import java.io.ByteArrayInputStream;
import java.util.Locale;
import java.util.function.Supplier;
import org.domus.core.export.Table;
import org.domus.core.export.TableFormat;

/**
 * CSV and XLSX downloads of a view's list, through the platform's table export.
 *
 * @since 1.5
 */
public final class Downloads {

    private Downloads() {}

    /**
     * A download link; the table is built when the browser asks for the file (with the subject and filters
     * captured when the link was made).
     *
     * @param id the anchor's element id
     * @param text the link's (translated) text
     * @param baseName the file name without extension; the format adds its own
     * @param format the file format (media type and file name extension)
     * @param locale the locale for headings and number and date formats in the file
     * @param table builds the table when the file is requested
     */
    public static Anchor link(
            String id, String text, String baseName, TableFormat format, Locale locale, Supplier<Table> table) {
        Anchor anchor = new Anchor(
                new StreamResource(
                                format.fileName(baseName),
                                () -> new ByteArrayInputStream(format.toBytes(table.get(), locale)))
                        .setContentType(format.mediaType()),
                text);
        anchor.setId(id);
        anchor.getElement().setAttribute("download", true);
        return anchor;
    }
}
