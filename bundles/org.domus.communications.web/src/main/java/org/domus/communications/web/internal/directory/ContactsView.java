package org.domus.communications.web.internal.directory;

import com.vaadin.flow.component.html.Div;
import com.vaadin.flow.component.html.H2;
import com.vaadin.flow.component.html.H4;
import com.vaadin.flow.component.html.Paragraph;
import com.vaadin.flow.component.orderedlayout.VerticalLayout;
import com.vaadin.flow.router.HasDynamicTitle;
import java.util.List;
import org.domus.communications.ContactDirectory;
import org.domus.communications.ContactsOfBuilding;
import org.domus.communications.OfficeStatus;
import org.domus.communications.StaffContact;
import org.domus.core.DomusException;
import org.domus.core.Subject;
import org.domus.web.DomusUi;

/**
 * The resident's "Contacts": for each building they hold a unit in, the emergency numbers first (big
 * {@code tel:} links), then the offices with today's hours and whether they are open now, then the staff
 * looking after the building. The service decides what the subject sees.
 */
public class ContactsView extends VerticalLayout implements HasDynamicTitle {

    private static final long serialVersionUID = 1L;

    public ContactsView(ContactDirectory directory) {
        addClassName("domus-page");
        setId("communications-contacts");
        add(new H2(getTranslation("communications.directory.contacts.title")));
        Subject me = DomusUi.requireSubject();
        List<ContactsOfBuilding> buildings;
        try {
            buildings = directory.mine(me);
        } catch (DomusException e) {
            DomusUi.showError(e);
            return;
        }
        if (buildings.isEmpty()) {
            Paragraph none = new Paragraph(getTranslation("communications.directory.contacts.none"));
            none.setId("communications-contacts-none");
            add(none);
            return;
        }
        for (ContactsOfBuilding b : buildings) {
            Div card = ContactParts.card(b.address());
            card.setId("communications-contacts-building-" + b.buildingId());
            card.add(new H4(getTranslation("communications.directory.emergency.title")));
            if (b.emergency().isEmpty()) {
                card.add(new Paragraph(getTranslation("communications.directory.emergency.none")));
            } else {
                card.add(ContactParts.emergency(b.emergency(), "communications-emergency-" + b.buildingId()));
            }
            card.add(new H4(getTranslation("communications.directory.offices.title")));
            if (b.offices().isEmpty()) {
                card.add(new Paragraph(getTranslation("communications.directory.offices.none")));
            }
            for (OfficeStatus s : b.offices()) {
                card.add(ContactParts.office(s, getLocale()));
            }
            card.add(new H4(getTranslation("communications.directory.staff.title")));
            if (b.staff().isEmpty()) {
                card.add(new Paragraph(getTranslation("communications.directory.staff.none")));
            }
            for (StaffContact c : b.staff()) {
                card.add(ContactParts.staff(c));
            }
            add(card);
        }
    }

    @Override
    public String getPageTitle() {
        return getTranslation("communications.directory.contacts.title");
    }
}
