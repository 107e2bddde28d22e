package org.domus.communications.web.internal.directory;

import com.vaadin.flow.component.Component;
import com.vaadin.flow.component.html.Anchor;
import com.vaadin.flow.component.html.Div;
import com.vaadin.flow.component.html.H4;
import java.util.List;
import java.util.Optional;
import org.domus.communications.ContactDirectory;
import org.domus.communications.ContactsOfBuilding;
import org.domus.core.Subject;
import org.domus.web.DomusUi;
import org.domus.web.HomeCard;
import org.osgi.service.component.annotations.Activate;
import org.osgi.service.component.annotations.Reference;

/**
 * The start page's emergency numbers of the buildings the resident holds units in, near the top (order 50);
 * nothing for subjects without units or buildings without numbers.
 */
@org.osgi.service.component.annotations.Component(service = HomeCard.class)
public class EmergencyCard implements HomeCard {

    private final ContactDirectory directory;

    @Activate
    public EmergencyCard(@Reference ContactDirectory directory) {
        this.directory = directory;
    }

    @Override
    public int order() {
        return 50;
    }

    @Override
    public Optional<Component> createCard(Subject subject) {
        List<ContactsOfBuilding> buildings = directory.mine(subject).stream()
                .filter(b -> !b.emergency().isEmpty())
                .toList();
        if (buildings.isEmpty()) {
            return Optional.empty();
        }
        Div card = ContactParts.card(DomusUi.translate("communications.directory.card.title"));
        card.setId("communications-emergency-card");
        for (ContactsOfBuilding b : buildings) {
            if (buildings.size() > 1) {
                card.add(new H4(b.address()));
            }
            card.add(ContactParts.emergency(b.emergency(), "communications-card-emergency-" + b.buildingId()));
        }
        Anchor all = new Anchor(ContactsContribution.ROUTE, DomusUi.translate("communications.directory.card.all"));
        all.setId("communications-emergency-card-all");
        card.add(all);
        return Optional.of(card);
    }
}
