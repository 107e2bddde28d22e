package org.domus.web.internal.ui;

import com.vaadin.flow.component.checkbox.Checkbox;
import com.vaadin.flow.component.grid.Grid;
import com.vaadin.flow.component.grid.GridVariant;
import com.vaadin.flow.component.html.H2;
import com.vaadin.flow.component.html.H3;
import com.vaadin.flow.component.html.Paragraph;
import com.vaadin.flow.component.orderedlayout.VerticalLayout;
import com.vaadin.flow.router.HasDynamicTitle;
import com.vaadin.flow.router.Route;
import java.time.ZoneId;
import java.time.format.DateTimeFormatter;
import java.time.format.FormatStyle;
import java.util.Locale;
import java.util.Map;
import org.domus.core.DomusException;
import org.domus.core.Subject;
import org.domus.core.consent.ConsentEvent;
import org.domus.core.consent.ConsentKind;
import org.domus.core.consent.ConsentService;
import org.domus.web.DomusUi;
import org.domus.web.internal.privacy.PersonalDataDownloads;
import org.domus.web.internal.servlet.ShellServices;

/** The resident's consent switches and their history. */
@Route(value = "account/privacy", layout = MainLayout.class)
public class PrivacyView extends VerticalLayout implements HasDynamicTitle {

    private static final long serialVersionUID = 1L;

    private final transient ConsentService consents;
    private final Grid<ConsentEvent> history = new Grid<>();

    public PrivacyView(ShellServices services) {
        this.consents = services.consents();
        addClassName("domus-page");
        Subject subject = DomusUi.requireSubject();
        add(new H2(getTranslation("privacy.title")), new Paragraph(getTranslation("privacy.intro")));
        Map<ConsentKind, Boolean> current = consents.current(subject.accountId());
        for (ConsentKind kind : ConsentKind.values()) {
            Checkbox box = new Checkbox(getTranslation("consent." + kind.name()), current.get(kind));
            box.setId("consent-" + kind.name().toLowerCase(Locale.ROOT).replace('_', '-'));
            box.addValueChangeListener(e -> {
                if (!e.isFromClient()) {
                    return;
                }
                try {
                    consents.set(subject, kind, e.getValue());
                    DomusUi.showSuccess(e.getValue() ? "privacy.granted" : "privacy.revoked");
                    refresh(subject);
                } catch (DomusException ex) {
                    box.setValue(e.getOldValue());
                    DomusUi.showError(ex);
                }
            });
            add(box);
        }
        DateTimeFormatter format = DateTimeFormatter.ofLocalizedDateTime(FormatStyle.MEDIUM)
                .withLocale(getLocale())
                .withZone(ZoneId.systemDefault());
        history.setId("consent-history");
        history.addColumn(e -> format.format(e.at())).setHeader(getTranslation("logins.time"));
        history.addColumn(e -> ConsentService.TERMS.equals(e.key())
                        ? getTranslation("terms.title") + " " + e.termsVersion()
                        : getTranslation("consent." + e.key()))
                .setHeader(getTranslation("privacy.consent"));
        history.addColumn(e -> getTranslation(e.granted() ? "privacy.state.granted" : "privacy.state.revoked"))
                .setHeader(getTranslation("privacy.state"));
        history.addThemeVariants(GridVariant.LUMO_ROW_STRIPES);
        history.setAllRowsVisible(true);
        add(new H3(getTranslation("privacy.history")), history);
        refresh(subject);
        services.privacy().ifPresent(privacy -> {
            Locale locale = getLocale();
            add(new H3(getTranslation("privacy.export.title")));
            add(new PersonalDataDownloads(
                    () -> privacy.exportMine(subject, locale),
                    privacy,
                    "domus-personal-data",
                    "privacy-data",
                    this::getTranslation));
        });
    }

    private void refresh(Subject subject) {
        history.setItems(consents.history(subject.accountId()));
    }

    @Override
    public String getPageTitle() {
        return getTranslation("privacy.title") + " · Domus";
    }
}
