package org.domus.tickets.web.internal;

import com.vaadin.flow.component.html.Anchor;
import com.vaadin.flow.server.StreamResource;
import java.io.ByteArrayInputStream;
import java.util.Locale;
import java.util.function.Supplier;
import org.domus.core.export.Table;
import org.domus.core.export.TableFormat;

/** CSV and XLSX downloads of a tickets list, through the platform's table export. */
final class Downloads {

    private Downloads() {}

    /**
     * A download link; the table is built when the browser asks for the file (with the subject and filters
     * captured when the link was made).
     */
    static Anchor link(
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
