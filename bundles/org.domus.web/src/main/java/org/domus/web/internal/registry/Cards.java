package org.domus.web.internal.registry;

import com.vaadin.flow.component.Component;
import com.vaadin.flow.component.html.Div;
import com.vaadin.flow.component.html.H3;
import com.vaadin.flow.component.html.Span;

/** Small building blocks of the registry's detail cards. */
final class Cards {

    private Cards() {}

    static Div card(String title) {
        Div card = new Div(new H3(title));
        card.addClassName("domus-card");
        return card;
    }

    /** A description list row: label and value. */
    static Div field(String label, String value) {
        Span l = new Span(label);
        l.getStyle().set("color", "var(--lumo-secondary-text-color)").set("min-width", "12em");
        Span v = new Span(value == null || value.isBlank() ? "—" : value);
        Div row = new Div(l, v);
        row.getStyle().set("display", "flex").set("gap", "var(--lumo-space-m)").set("flex-wrap", "wrap");
        return row;
    }

    static Component section(String title, Component... content) {
        Div section = card(title);
        section.add(content);
        return section;
    }
}
