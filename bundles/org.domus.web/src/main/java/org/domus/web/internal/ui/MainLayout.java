package org.domus.web.internal.ui;

import com.vaadin.flow.component.Component;
import com.vaadin.flow.component.HasElement;
import com.vaadin.flow.component.UI;
import com.vaadin.flow.component.applayout.AppLayout;
import com.vaadin.flow.component.applayout.DrawerToggle;
import com.vaadin.flow.component.contextmenu.MenuItem;
import com.vaadin.flow.component.contextmenu.SubMenu;
import com.vaadin.flow.component.html.Div;
import com.vaadin.flow.component.html.H1;
import com.vaadin.flow.component.html.Image;
import com.vaadin.flow.component.html.Nav;
import com.vaadin.flow.component.html.Span;
import com.vaadin.flow.component.icon.Icon;
import com.vaadin.flow.component.icon.VaadinIcon;
import com.vaadin.flow.component.menubar.MenuBar;
import com.vaadin.flow.component.menubar.MenuBarVariant;
import com.vaadin.flow.router.AfterNavigationEvent;
import com.vaadin.flow.router.AfterNavigationObserver;
import com.vaadin.flow.router.RouterLink;
import java.util.Locale;
import java.util.Optional;
import org.domus.core.DomusException;
import org.domus.core.Subject;
import org.domus.web.DomusUi;
import org.domus.web.ViewContribution;
import org.domus.web.internal.i18n.MessageCatalog;
import org.domus.web.internal.nav.MenuModel;
import org.domus.web.internal.servlet.ShellServices;

/**
 * The frame around every signed-in view: navbar with drawer toggle, brand and user menu, and a drawer
 * menu built from the view contributions the subject may open. The menu is rebuilt after every
 * navigation so that modules appearing or leaving show up without a reload; so are the modules' top bar
 * items (the notification bell, say), which sit left of the user menu.
 */
public class MainLayout extends AppLayout implements AfterNavigationObserver {

    private static final long serialVersionUID = 1L;

    private final transient ShellServices services;
    private final Nav menu = new Nav();
    private final Div userArea = new Div();
    private final Div headerItems = new Div();

    public MainLayout(ShellServices services) {
        this.services = services;
        setPrimarySection(Section.DRAWER);
        DrawerToggle toggle = new DrawerToggle();
        toggle.getElement().setAttribute("aria-label", getTranslation("nav.toggle"));
        Image logo = new Image("icons/icon.png", "");
        H1 brand = new H1(logo, new Span("Domus"));
        brand.addClassName("domus-brand");
        userArea.getStyle().set("margin-inline-end", "var(--lumo-space-m)");
        headerItems.setId("header-items");
        // The brand grows and pushes the items and the user menu to the end of the bar.
        headerItems
                .getStyle()
                .set("display", "flex")
                .set("align-items", "center")
                .set("gap", "var(--lumo-space-s)");
        addToNavbar(toggle, brand, headerItems, userArea);
        menu.setId("main-menu");
        menu.getElement().setAttribute("aria-label", getTranslation("nav.menu"));
        addToDrawer(menu);
    }

    @Override
    public void showRouterLayoutContent(HasElement content) {
        super.showRouterLayoutContent(content);
        // The routed view is the page's main landmark, so screen readers can jump past navbar and menu.
        if (content != null) {
            content.getElement().setAttribute("role", "main");
        }
    }

    @Override
    public void afterNavigation(AfterNavigationEvent event) {
        Optional<Subject> subject = DomusUi.subject();
        // Screen readers and hyphenation follow the page language, not the server's.
        getElement().executeJs("document.documentElement.lang = $0", getLocale().getLanguage());
        buildMenu(subject);
        buildHeaderItems(subject);
        buildUserMenu(subject);
    }

    private void buildMenu(Optional<Subject> subject) {
        menu.removeAll();
        RouterLink home = link(getTranslation("nav.home"), VaadinIcon.HOME.create(), HomeView.class);
        home.setId("menu-home");
        menu.add(home);
        if (subject.isEmpty()) {
            return;
        }
        Subject current = subject.get();
        for (MenuModel.Group group : MenuModel.build(
                services.views().contributions(), p -> services.accessPolicy().isGranted(current, p))) {
            Span title = new Span(getTranslation(group.key()));
            title.addClassName("domus-menu-group");
            Div block = new Div(title);
            block.getStyle().set("display", "flex").set("flex-direction", "column");
            for (MenuModel.Entry entry : group.entries()) {
                services.views().contributions().stream()
                        .filter(c -> c.route().equals(entry.route()))
                        .findFirst()
                        .map(ViewContribution::viewClass)
                        .ifPresent(view -> block.add(link(getTranslation(entry.labelKey()), icon(entry.icon()), view)));
            }
            menu.add(block);
        }
    }

    private static Icon icon(String name) {
        try {
            return VaadinIcon.valueOf(name).create();
        } catch (IllegalArgumentException | NullPointerException e) {
            return VaadinIcon.CIRCLE_THIN.create();
        }
    }

    private static RouterLink link(String text, Icon icon, Class<? extends Component> target) {
        RouterLink link = new RouterLink("", target);
        icon.setSize("var(--lumo-icon-size-s)");
        link.add(icon, new Span(text));
        link.getStyle()
                .set("display", "flex")
                .set("align-items", "center")
                .set("gap", "var(--lumo-space-s)")
                .set("padding", "var(--lumo-space-s) var(--lumo-space-m)")
                .set("text-decoration", "none");
        return link;
    }

    private void buildHeaderItems(Optional<Subject> subject) {
        headerItems.removeAll();
        subject.ifPresent(s -> headerItems.add(services.items().headerItems(s).toArray(Component[]::new)));
    }

    private void buildUserMenu(Optional<Subject> subject) {
        userArea.removeAll();
        if (subject.isEmpty()) {
            return;
        }
        Subject current = subject.get();
        MenuBar bar = new MenuBar();
        bar.setId("user-menu");
        bar.addThemeVariants(MenuBarVariant.LUMO_TERTIARY_INLINE);
        // A decorative icon, not an Avatar: vaadin-avatar makes itself a focusable button, which nested
        // in the menu item is an unnamed control inside a control (axe: aria-command-name,
        // nested-interactive).
        Icon avatar = VaadinIcon.USER.create();
        avatar.setSize("var(--lumo-icon-size-s)");
        Span name = new Span(current.displayName());
        name.getStyle().set("margin-inline-start", "var(--lumo-space-s)");
        name.addClassName("domus-user-name");
        Div root = new Div(avatar, name);
        root.getStyle().set("display", "flex").set("align-items", "center");
        MenuItem item = bar.addItem(root);
        item.getElement().setAttribute("aria-label", getTranslation("user.menu"));
        SubMenu sub = item.getSubMenu();
        MenuItem who = sub.addItem(getTranslation("user.signedInAs", current.login()));
        who.setEnabled(false);
        sub.addItem(getTranslation("user.changePassword"), e -> UI.getCurrent().navigate(ChangePasswordView.class))
                .setId("user-menu-change-password");
        sub.addItem(getTranslation("user.tokens"), e -> UI.getCurrent().navigate(AccessTokensView.class))
                .setId("user-menu-tokens");
        sub.addItem(getTranslation("user.twoFactor"), e -> UI.getCurrent().navigate(TwoFactorView.class))
                .setId("user-menu-two-factor");
        sub.addItem(getTranslation("user.logins"), e -> UI.getCurrent().navigate(LoginHistoryView.class))
                .setId("user-menu-logins");
        sub.addItem(getTranslation("user.privacy"), e -> UI.getCurrent().navigate(PrivacyView.class))
                .setId("user-menu-privacy");
        MenuItem language = sub.addItem(getTranslation("language.choose"));
        language.setId("user-menu-language");
        SubMenu languages = language.getSubMenu();
        Locale active = MessageCatalog.supported(getLocale());
        for (Locale locale : MessageCatalog.LOCALES) {
            MenuItem choice =
                    languages.addItem(getTranslation("language." + locale.getLanguage()), e -> switchTo(locale));
            choice.setId("user-menu-language-" + locale.getLanguage());
            choice.setCheckable(true);
            choice.setChecked(locale.equals(active));
        }
        sub.addItem(getTranslation("user.logout"), e -> SignedIn.end(services)).setId("user-menu-logout");
        userArea.add(bar);
    }

    private void switchTo(Locale locale) {
        Subject subject = DomusUi.requireSubject();
        SignedIn.applyLocale(locale);
        try {
            services.accounts().setLocale(subject.accountId(), locale);
        } catch (DomusException e) {
            DomusUi.showError(e);
        }
        // Every visible text was rendered in the old language: render the route again.
        UI.getCurrent().getPage().reload();
    }
}
