package org.domus.communications.web.internal.directory;

import com.vaadin.flow.component.button.Button;
import com.vaadin.flow.component.button.ButtonVariant;
import com.vaadin.flow.component.html.Div;
import com.vaadin.flow.component.html.Span;
import com.vaadin.flow.component.icon.VaadinIcon;
import com.vaadin.flow.component.orderedlayout.HorizontalLayout;
import com.vaadin.flow.component.orderedlayout.VerticalLayout;
import com.vaadin.flow.component.select.Select;
import com.vaadin.flow.component.textfield.TextField;
import java.time.DayOfWeek;
import java.time.format.TextStyle;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import org.domus.communications.OpeningHours;

/**
 * Edits an office's weekly hours: one row per interval (weekday, from, to as {@code HH:mm}, to at most
 * {@code 24:00}), added and removed freely; the service checks times and overlaps.
 */
final class HoursEditor extends VerticalLayout {

    private static final long serialVersionUID = 1L;

    private record Row(Select<DayOfWeek> day, TextField from, TextField to, HorizontalLayout layout) {}

    private final List<Row> rows = new ArrayList<>();
    private final Div list = new Div();
    private final Translator t;

    HoursEditor(List<OpeningHours> hours, Translator t) {
        this.t = t;
        setId("communications-directory-hours");
        setPadding(false);
        add(new Span(t.translate("communications.directory.hours")), list);
        for (OpeningHours h : hours) {
            addRow(h);
        }
        Button add = new Button(t.translate("communications.directory.hours.add"), VaadinIcon.PLUS.create(), e -> {
            DayOfWeek next = rows.isEmpty()
                    ? DayOfWeek.MONDAY
                    : rows.get(rows.size() - 1).day().getValue().plus(1);
            addRow(new OpeningHours(next, "08:00", "16:00"));
        });
        add.setId("communications-directory-hours-add");
        add.addThemeVariants(ButtonVariant.LUMO_TERTIARY);
        add(add);
    }

    private void addRow(OpeningHours h) {
        Select<DayOfWeek> day = new Select<>();
        day.setItems(DayOfWeek.values());
        Locale locale = getLocale() == null ? Locale.ENGLISH : getLocale();
        day.setItemLabelGenerator(d -> d.getDisplayName(TextStyle.FULL, locale));
        day.setValue(h.day() == null ? DayOfWeek.MONDAY : h.day());
        day.setWidth("10em");
        TextField from = new TextField();
        from.setPlaceholder("08:00");
        from.setValue(h.from() == null ? "" : h.from());
        from.setWidth("6em");
        TextField to = new TextField();
        to.setPlaceholder("16:00");
        to.setValue(h.to() == null ? "" : h.to());
        to.setWidth("6em");
        HorizontalLayout layout = new HorizontalLayout(day, from, new Span("–"), to);
        layout.setAlignItems(Alignment.BASELINE);
        Row row = new Row(day, from, to, layout);
        Button remove = new Button(VaadinIcon.TRASH.create(), e -> {
            rows.remove(row);
            list.remove(layout);
        });
        remove.addThemeVariants(ButtonVariant.LUMO_TERTIARY_INLINE);
        remove.getElement().setAttribute("aria-label", t.translate("communications.directory.remove"));
        layout.add(remove);
        int index = rows.size();
        day.setId("communications-directory-hours-day-" + index);
        from.setId("communications-directory-hours-from-" + index);
        to.setId("communications-directory-hours-to-" + index);
        rows.add(row);
        list.add(layout);
    }

    List<OpeningHours> getValue() {
        return rows.stream()
                .map(r -> new OpeningHours(r.day().getValue(), r.from().getValue(), r.to().getValue()))
                .toList();
    }
}
