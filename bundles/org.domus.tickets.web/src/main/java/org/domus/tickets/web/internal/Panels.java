package org.domus.tickets.web.internal;

import com.vaadin.flow.component.Component;
import com.vaadin.flow.component.html.Div;
import com.vaadin.flow.component.html.H3;
import com.vaadin.flow.component.html.Span;

/** The building blocks of the tickets' cards, styled like the shell's registry cards. */
final class Panels {

    private Panels() {}

    static Div card(String title, Component... content) {
        Div card = new Div(new H3(title));
        card.addClassName("domus-card");
        card.add(content);
        return card;
    }

    /** A label and its value on one row; the value carries the id when one is given. */
    static Div field(String label, String value, String id) {
        Span caption = new Span(label);
        caption.getStyle().set("color", "var(--lumo-secondary-text-color)").set("min-width", "12em");
        Span text = new Span(value == null || value.isBlank() ? "—" : value);
        if (id != null) {
            text.setId(id);
        }
        Div row = new Div(caption, text);
        row.getStyle().set("display", "flex").set("gap", "var(--lumo-space-m)").set("flex-wrap", "wrap");
        return row;
    }

    /** A Lumo badge, e.g. {@code success}, {@code error}, {@code contrast}. */
    static Span badge(String text, String theme) {
        Span badge = new Span(text);
        badge.getElement().getThemeList().add("badge " + theme);
        return badge;
    }
}
