package org.domus.web.internal.registry;

import com.vaadin.flow.component.grid.Grid;
import com.vaadin.flow.component.html.Div;
import com.vaadin.flow.component.html.H2;
import com.vaadin.flow.component.html.H3;
import com.vaadin.flow.component.html.Paragraph;
import com.vaadin.flow.component.orderedlayout.VerticalLayout;
import com.vaadin.flow.router.HasDynamicTitle;
import com.vaadin.flow.router.RouterLink;
import java.util.List;
import java.util.Optional;
import org.domus.core.DomusException;
import org.domus.core.Subject;
import org.domus.core.account.AccountService;
import org.domus.core.account.LoginEvent;
import org.domus.core.privacy.PersonalDataService;
import org.domus.core.registry.Holding;
import org.domus.core.registry.Person;
import org.domus.core.registry.RegistryService;
import org.domus.web.DomusUi;
import org.domus.web.internal.privacy.PersonalDataDownloads;
import org.domus.web.internal.ui.LoginHistoryView;

/**
 * "My home" of the signed-in resident: a card per unit they hold or live in (with co-holders), and
 * their own contact data, which they may change (the service audits it). Shows nothing of anyone
 * else's units: it reads only {@link RegistryService#myUnits}.
 */
public class MyHomeView extends VerticalLayout implements HasDynamicTitle {

    private static final long serialVersionUID = 1L;

    private final transient RegistryService registry;

    /** How many of the latest sign-ins My home shows; the full history is one click away. */
    static final int RECENT_LOGINS = 5;

    public MyHomeView(RegistryService registry, PersonalDataService privacy, AccountService accounts) {
        this.registry = registry;
        addClassName("domus-page");
        add(new H2(getTranslation("registry.myHome.title")));
        add(units(registry.myUnits(subject())));
        add(new H3(getTranslation("registry.myHome.contact")));
        Optional<Person> me = registry.myPerson(subject());
        if (me.isEmpty()) {
            add(new Paragraph(getTranslation("registry.myHome.noPerson")));
        } else {
            add(contactForm(me.get()));
        }
        add(new H3(getTranslation("registry.myHome.logins")));
        Grid<LoginEvent> logins = LoginHistoryView.grid(getLocale(), this::getTranslation);
        logins.setId("my-home-logins");
        logins.setAllRowsVisible(true);
        logins.setItems(accounts.loginHistory(subject().accountId(), RECENT_LOGINS));
        add(logins, new RouterLink(getTranslation("registry.myHome.logins.all"), LoginHistoryView.class));
        add(new H3(getTranslation("privacy.export.title")));
        java.util.Locale locale = getLocale();
        // The download is its own request: it exports as the subject who opened the page (their own data).
        Subject owner = subject();
        add(new PersonalDataDownloads(
                () -> privacy.exportMine(owner, locale),
                privacy,
                "domus-personal-data",
                "my-data",
                this::getTranslation));
    }

    private Div units(List<Holding> holdings) {
        Div cards = new Div();
        cards.setId("my-home-units");
        cards.addClassName("domus-cards");
        if (holdings.isEmpty()) {
            cards.add(new Paragraph(getTranslation("registry.myHome.none")));
        }
        for (Holding h : holdings) {
            Div card = Cards.card(getTranslation(
                    "registry.unit.heading", h.unit().number(), h.building().address()));
            card.addClassName("my-home-unit");
            card.add(
                    Cards.field(
                            getTranslation("registry.unit.kind"),
                            getTranslation("registry.kind." + h.unit().kind())),
                    Cards.field(
                            getTranslation("registry.unit.area"),
                            RegistryText.area(h.unit().area(), getLocale())),
                    Cards.field(
                            getTranslation("registry.unit.share"),
                            RegistryText.share(h.unit().share(), getLocale())),
                    Cards.field(
                            getTranslation("registry.myHome.myRole"),
                            RegistryText.names(h.mine().stream()
                                    .map(t -> getTranslation("registry.role." + t.role()))
                                    .distinct()
                                    .toList())),
                    Cards.field(
                            getTranslation("registry.myHome.coHolders"),
                            RegistryText.names(h.holders().stream()
                                    .filter(holder ->
                                            h.mine().stream().noneMatch(t -> t.personId() == holder.personId()))
                                    .map(holder -> holder.name() + " ("
                                            + getTranslation("registry.role." + holder.role()) + ")")
                                    .distinct()
                                    .toList())));
            cards.add(card);
        }
        return cards;
    }

    private PersonForm contactForm(Person person) {
        PersonForm form = new PersonForm(this::getTranslation, true);
        form.setId("my-home-contact");
        form.setMaxWidth("720px");
        form.edit(person);
        form.addSaveListener(e -> {
            try {
                Person saved = registry.updateMyContact(subject(), e.contact());
                form.edit(saved);
                DomusUi.showSuccess("registry.myHome.contact.saved");
            } catch (DomusException ex) {
                Feedback.refused(ex, form::showErrors);
            }
        });
        return form;
    }

    @Override
    public String getPageTitle() {
        return getTranslation("registry.myHome.title") + " · Domus";
    }

    /**
     * The signed-in subject as of this request, never one kept from when the view was opened: a grant taken
     * away meanwhile must not keep working here.
     */
    private static Subject subject() {
        return DomusUi.requireSubject();
    }
}
