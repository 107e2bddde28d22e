package org.domus.communications.web.internal.directory;

import com.vaadin.flow.component.Component;
import com.vaadin.flow.component.html.Anchor;
import com.vaadin.flow.component.html.Div;
import com.vaadin.flow.component.html.H3;
import com.vaadin.flow.component.html.H4;
import com.vaadin.flow.component.html.Paragraph;
import com.vaadin.flow.component.html.Span;
import java.util.List;
import java.util.Locale;
import org.domus.communications.EmergencyContact;
import org.domus.communications.OfficeStatus;
import org.domus.communications.StaffContact;
import org.domus.web.DomusUi;

/** The pieces the resident's contacts page and the start page's emergency card are made of. */
final class ContactParts {

    private ContactParts() {}

    static Div card(String title, Component... content) {
        Div card = new Div(new H3(title));
        card.addClassName("domus-card");
        card.add(content);
        return card;
    }

    /** Emergency numbers as big {@code tel:} links, one a row: kind, number, company and note. */
    static Div emergency(List<EmergencyContact> numbers, String idPrefix) {
        Div list = new Div();
        list.addClassName("communications-emergency");
        for (EmergencyContact e : numbers) {
            Anchor call = new Anchor(DirectoryTexts.tel(e.phone()), e.phone());
            call.setId(idPrefix + "-" + e.id());
            call.getStyle()
                    .set("font-size", "var(--lumo-font-size-xxl)")
                    .set("font-weight", "600")
                    .set("white-space", "nowrap");
            Span kind = new Span(DomusUi.translate(
                    "communications.directory.kind." + e.kind().name()));
            kind.getElement().getThemeList().add("badge error");
            Span company = new Span(e.company() + (e.note() == null ? "" : " · " + e.note()));
            company.getStyle().set("color", "var(--lumo-secondary-text-color)");
            Div row = new Div(kind, call, company);
            row.getStyle()
                    .set("display", "flex")
                    .set("align-items", "center")
                    .set("gap", "var(--lumo-space-m)")
                    .set("flex-wrap", "wrap")
                    .set("padding", "var(--lumo-space-xs) 0");
            list.add(row);
        }
        return list;
    }

    static Div office(OfficeStatus s, Locale locale) {
        Div box = new Div();
        box.setId("communications-office-" + s.office().id());
        Span badge = new Span(DomusUi.translate(
                s.openNow() ? "communications.directory.open-now" : "communications.directory.closed-now"));
        badge.getElement().getThemeList().add(s.openNow() ? "badge success" : "badge contrast");
        badge.setId("communications-office-" + s.office().id() + "-badge");
        H4 name = new H4(s.office().name());
        name.getStyle().set("margin", "0");
        Div head = new Div(name, badge);
        head.getStyle().set("display", "flex").set("gap", "var(--lumo-space-s)").set("align-items", "center");
        box.add(head);
        box.add(new Paragraph(DirectoryTexts.state(s, locale, DomusUi::translate)));
        String today = s.todayHours().isEmpty()
                ? DomusUi.translate("communications.directory.today-closed")
                : DomusUi.translate("communications.directory.today", DirectoryTexts.hours(s.todayHours()));
        box.add(new Div(new Span(today)));
        for (String line : DirectoryTexts.week(s.office().hours(), locale)) {
            Span day = new Span(line);
            day.getStyle().set("color", "var(--lumo-secondary-text-color)").set("display", "block");
            box.add(day);
        }
        if (s.office().address() != null) {
            box.add(new Div(new Span(s.office().address())));
        }
        box.add(reach(s.office().phone(), s.office().email()));
        if (s.office().note() != null) {
            box.add(new Paragraph(s.office().note()));
        }
        return box;
    }

    static Div staff(StaffContact c) {
        Span role = new Span(c.role());
        role.getStyle().set("font-weight", "600");
        Div row = new Div(role, new Span(" · " + c.name()), reach(c.phone(), c.email()));
        row.setId("communications-staff-" + c.id());
        row.getStyle().set("padding", "var(--lumo-space-xs) 0");
        return row;
    }

    private static Div reach(String phone, String email) {
        Div reach = new Div();
        reach.getStyle()
                .set("display", "flex")
                .set("gap", "var(--lumo-space-m)")
                .set("flex-wrap", "wrap");
        if (phone != null) {
            reach.add(new Anchor(DirectoryTexts.tel(phone), phone));
        }
        if (email != null) {
            reach.add(new Anchor("mailto:" + email, email));
        }
        return reach;
    }
}
