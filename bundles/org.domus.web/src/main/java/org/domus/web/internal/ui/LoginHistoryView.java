package org.domus.web.internal.ui;

import com.vaadin.flow.component.grid.Grid;
import com.vaadin.flow.component.grid.GridVariant;
import com.vaadin.flow.component.html.H2;
import com.vaadin.flow.component.html.Paragraph;
import com.vaadin.flow.component.orderedlayout.VerticalLayout;
import com.vaadin.flow.router.HasDynamicTitle;
import com.vaadin.flow.router.Route;
import java.time.ZoneId;
import java.time.format.DateTimeFormatter;
import java.time.format.FormatStyle;
import java.util.List;
import java.util.Locale;
import java.util.function.BiFunction;
import org.domus.core.account.LoginEvent;
import org.domus.web.DomusUi;
import org.domus.web.internal.servlet.ShellServices;

/** The signed-in user's own login history: when, from where, with what, and how it ended. */
@Route(value = "account/logins", layout = MainLayout.class)
public class LoginHistoryView extends VerticalLayout implements HasDynamicTitle {

    private static final long serialVersionUID = 1L;

    /** Up to this many rows a history grid shows them all instead of a fixed-height scrolling box. */
    public static final int SHORT_HISTORY = 10;

    public LoginHistoryView(ShellServices services) {
        addClassName("domus-page");
        add(new H2(getTranslation("logins.title")), new Paragraph(getTranslation("logins.intro")));
        Grid<LoginEvent> grid = grid(getLocale(), this::getTranslation);
        List<LoginEvent> logins =
                services.accounts().loginHistory(DomusUi.requireSubject().accountId(), 200);
        grid.setItems(logins);
        grid.setAllRowsVisible(logins.size() <= SHORT_HISTORY);
        add(grid);
    }

    /** The history grid, shared with the admin's account detail and My home. */
    public static Grid<LoginEvent> grid(Locale locale, BiFunction<String, Object[], String> translate) {
        DateTimeFormatter format = DateTimeFormatter.ofLocalizedDateTime(FormatStyle.MEDIUM)
                .withLocale(locale)
                .withZone(ZoneId.systemDefault());
        Grid<LoginEvent> grid = new Grid<>();
        grid.setId("login-history");
        grid.addColumn(e -> format.format(e.at())).setHeader(translate.apply("logins.time", new Object[0]));
        grid.addColumn(LoginEvent::address).setHeader(translate.apply("logins.address", new Object[0]));
        grid.addColumn(LoginEvent::userAgent)
                .setHeader(translate.apply("logins.agent", new Object[0]))
                .setFlexGrow(3);
        grid.addColumn(e -> translate.apply("logins.outcome." + e.outcome(), new Object[0]))
                .setHeader(translate.apply("logins.outcome", new Object[0]));
        grid.addThemeVariants(GridVariant.LUMO_ROW_STRIPES);
        grid.setHeight("28rem");
        return grid;
    }

    static List<String> outcomes() {
        return List.of("SUCCESS", "BAD_CREDENTIALS", "BAD_SECOND_FACTOR", "LOCKED", "DISABLED", "LOCKOUT");
    }

    @Override
    public String getPageTitle() {
        return getTranslation("logins.title") + " · Domus";
    }
}
