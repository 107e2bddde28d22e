package org.domus.web.internal.ui;

import com.vaadin.flow.component.Component;
import com.vaadin.flow.component.html.Div;
import com.vaadin.flow.component.html.H2;
import com.vaadin.flow.component.html.H3;
import com.vaadin.flow.component.html.ListItem;
import com.vaadin.flow.component.html.Paragraph;
import com.vaadin.flow.component.html.Span;
import com.vaadin.flow.component.html.UnorderedList;
import com.vaadin.flow.component.orderedlayout.VerticalLayout;
import com.vaadin.flow.router.HasDynamicTitle;
import com.vaadin.flow.router.Route;
import java.util.ArrayList;
import java.util.List;
import java.util.stream.Collectors;
import org.domus.core.Role;
import org.domus.core.Subject;
import org.domus.core.module.ModuleDescriptor;
import org.domus.web.DomusUi;
import org.domus.web.internal.servlet.ShellServices;

/**
 * The start page: the installed modules' cards (announcements, balances...) around the shell's own cards saying
 * who is signed in and which modules are installed. Built anew on every visit, so cards of a module that came or
 * went since show up or disappear at the next navigation.
 */
@Route(value = "", layout = MainLayout.class)
public class HomeView extends VerticalLayout implements HasDynamicTitle {

    private static final long serialVersionUID = 1L;

    public HomeView(ShellServices services) {
        addClassName("domus-page");
        Subject subject = DomusUi.requireSubject();
        add(new H2(getTranslation("home.welcome", subject.displayName())));

        Div cards = new Div();
        cards.addClassName("domus-cards");
        List<Component> shellCards = new ArrayList<>();

        Div account = card(getTranslation("home.account.title"));
        account.add(new Paragraph(getTranslation("home.account.login", subject.login())));
        String roles = subject.roles().stream()
                .sorted()
                .map(Role::name)
                .map(role -> getTranslation("role." + role))
                .collect(Collectors.joining(", "));
        account.add(new Paragraph(getTranslation(
                "home.account.roles", roles.isEmpty() ? getTranslation("home.account.noRoles") : roles)));
        shellCards.add(account);

        Div modules = card(getTranslation("home.modules.title"));
        List<ModuleDescriptor> installed = services.modules();
        if (installed.isEmpty()) {
            modules.add(new Paragraph(getTranslation("home.modules.none")));
        } else {
            UnorderedList list = new UnorderedList();
            for (ModuleDescriptor module : installed) {
                Span version = new Span(module.version());
                version.getElement().getThemeList().add("badge contrast small");
                version.getStyle().set("margin-inline-start", "var(--lumo-space-s)");
                list.add(new ListItem(new Span(getTranslation(module.nameKey())), version));
            }
            modules.add(list);
        }
        shellCards.add(modules);
        cards.add(services.items()
                .homeCards(subject, p -> services.accessPolicy().isGranted(subject, p), shellCards)
                .toArray(Component[]::new));
        add(cards);
    }

    private static Div card(String title) {
        Div card = new Div(new H3(title));
        card.addClassName("domus-card");
        return card;
    }

    @Override
    public String getPageTitle() {
        return getTranslation("home.title") + " · Domus";
    }
}
