package org.domus.web.internal.privacy;

import com.vaadin.flow.component.html.Div;
import com.vaadin.flow.dom.Element;
import java.util.List;
import java.util.function.Function;
import org.domus.core.audit.AuditEvent.FieldChange;

/**
 * The fields of one audit event as a table: field, value before, value after; changed rows are marked
 * (bold, and a class for tests and styling) so the change stands out from the unchanged context.
 */
public class AuditDiff extends Div {

    private static final long serialVersionUID = 1L;
    private static final String EMPTY = "—";

    /** Class of a changed row. */
    static final String CHANGED = "audit-changed";

    public AuditDiff(List<FieldChange> changes, Function<String, String> text) {
        addClassName("audit-diff");
        if (changes.isEmpty()) {
            setText(text.apply("audit.noDetails"));
            return;
        }
        Element table = new Element("table");
        table.getStyle().set("border-collapse", "collapse").set("width", "100%");
        Element head = new Element("tr");
        for (String key : List.of("audit.field", "audit.before", "audit.after")) {
            Element th = new Element("th").setText(text.apply(key));
            th.getStyle().set("text-align", "start").set("padding", "var(--lumo-space-xs) var(--lumo-space-s)");
            head.appendChild(th);
        }
        table.appendChild(head);
        for (FieldChange c : changes) {
            Element row = new Element("tr");
            if (c.changed()) {
                row.getClassList().add(CHANGED);
                row.getStyle().set("font-weight", "600").set("background", "var(--lumo-primary-color-10pct)");
            }
            row.appendChild(cell(c.field()), cell(c.before()), cell(c.after()));
            table.appendChild(row);
        }
        getElement().appendChild(table);
    }

    private static Element cell(String value) {
        Element td = new Element("td").setText(value == null || value.isEmpty() ? EMPTY : value);
        td.getStyle()
                .set("padding", "var(--lumo-space-xs) var(--lumo-space-s)")
                .set("vertical-align", "top")
                .set("overflow-wrap", "anywhere");
        return td;
    }
}
