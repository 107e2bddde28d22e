package org.domus.web.internal.ui;

import com.vaadin.flow.component.button.Button;
import com.vaadin.flow.component.button.ButtonVariant;
import com.vaadin.flow.component.checkbox.Checkbox;
import com.vaadin.flow.component.html.Div;
import com.vaadin.flow.component.html.H2;
import com.vaadin.flow.component.html.Paragraph;
import com.vaadin.flow.component.orderedlayout.VerticalLayout;
import com.vaadin.flow.router.HasDynamicTitle;
import com.vaadin.flow.router.Route;
import org.domus.core.DomusException;
import org.domus.core.consent.ConsentService;
import org.domus.web.DomusUi;
import org.domus.web.internal.servlet.ShellServices;

/** The terms of use, which every holder accepts (in the version in force) before anything else. */
@Route(value = "account/terms", layout = MainLayout.class)
public class TermsView extends VerticalLayout implements HasDynamicTitle {

    private static final long serialVersionUID = 1L;

    public TermsView(ShellServices services) {
        addClassName("domus-page");
        ConsentService consents = services.consents();
        String version = consents.currentTermsVersion();
        add(new H2(getTranslation("terms.title")));
        add(new Paragraph(getTranslation("terms.version", version)));
        Div text = new Div();
        text.setId("terms-text");
        text.addClassName("domus-card");
        text.setMaxWidth("48rem");
        for (int i = 1; i <= 4; i++) {
            text.add(new Paragraph(getTranslation("terms.text." + i)));
        }
        Checkbox read = new Checkbox(getTranslation("terms.read"));
        read.setId("terms-read");
        Button accept = new Button(getTranslation("terms.accept"));
        accept.setId("terms-accept");
        accept.addThemeVariants(ButtonVariant.LUMO_PRIMARY);
        accept.setEnabled(false);
        read.addValueChangeListener(e -> accept.setEnabled(e.getValue()));
        accept.addClickListener(e -> {
            try {
                consents.acceptTerms(DomusUi.requireSubject(), version);
                getUI().ifPresent(ui -> ui.navigate(SignedIn.mustEnrolTotp() ? "account/two-factor" : ""));
            } catch (DomusException ex) {
                DomusUi.showError(ex);
            }
        });
        add(text, read, accept);
    }

    @Override
    public String getPageTitle() {
        return getTranslation("terms.title") + " · Domus";
    }
}
