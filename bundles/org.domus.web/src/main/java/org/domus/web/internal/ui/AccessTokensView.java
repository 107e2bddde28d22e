package org.domus.web.internal.ui;

import com.vaadin.flow.component.Key;
import com.vaadin.flow.component.button.Button;
import com.vaadin.flow.component.button.ButtonVariant;
import com.vaadin.flow.component.confirmdialog.ConfirmDialog;
import com.vaadin.flow.component.datepicker.DatePicker;
import com.vaadin.flow.component.dialog.Dialog;
import com.vaadin.flow.component.formlayout.FormLayout;
import com.vaadin.flow.component.grid.Grid;
import com.vaadin.flow.component.grid.GridVariant;
import com.vaadin.flow.component.html.Div;
import com.vaadin.flow.component.html.H2;
import com.vaadin.flow.component.html.Paragraph;
import com.vaadin.flow.component.orderedlayout.VerticalLayout;
import com.vaadin.flow.component.textfield.TextField;
import com.vaadin.flow.router.HasDynamicTitle;
import com.vaadin.flow.router.Route;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneId;
import java.time.format.DateTimeFormatter;
import java.time.format.FormatStyle;
import org.domus.core.DomusException;
import org.domus.core.Subject;
import org.domus.core.account.AccessToken;
import org.domus.core.account.AccessTokenService;
import org.domus.web.DomusUi;
import org.domus.web.internal.servlet.ShellServices;

/** The user's personal access tokens for REST clients: create (secret shown once), list, revoke. */
@Route(value = "account/tokens", layout = MainLayout.class)
public class AccessTokensView extends VerticalLayout implements HasDynamicTitle {

    private static final long serialVersionUID = 1L;

    private final Grid<AccessToken> grid = new Grid<>();

    public AccessTokensView(ShellServices services) {
        addClassName("domus-page");
        add(new H2(getTranslation("tokens.title")), new Paragraph(getTranslation("tokens.intro")));
        if (services.tokens().isEmpty()) {
            add(new Paragraph(getTranslation("tokens.unavailable")));
            return;
        }
        AccessTokenService tokens = services.tokens().get();
        Subject subject = DomusUi.requireSubject();

        TextField name = new TextField(getTranslation("tokens.name"));
        name.setMaxLength(100);
        name.setRequiredIndicatorVisible(true);
        DatePicker expires = new DatePicker(getTranslation("tokens.expires"));
        expires.setHelperText(getTranslation("tokens.expires.help"));
        expires.setMin(LocalDate.now().plusDays(1));
        expires.setLocale(getLocale());
        Button create = new Button(getTranslation("tokens.create"));
        create.addThemeVariants(ButtonVariant.LUMO_PRIMARY);
        create.addClickShortcut(Key.ENTER);
        FormLayout form = new FormLayout(name, expires, create);
        form.setResponsiveSteps(new FormLayout.ResponsiveStep("0", 1), new FormLayout.ResponsiveStep("600px", 3));
        form.getStyle().set("align-items", "end");
        create.addClickListener(e -> {
            if (name.isEmpty()) {
                name.setInvalid(true);
                name.setErrorMessage(getTranslation("validation.required"));
                return;
            }
            Instant expiry = expires.getValue() == null
                    ? null
                    : expires.getValue().atStartOfDay(ZoneId.systemDefault()).toInstant();
            try {
                AccessToken.Issued issued =
                        tokens.create(subject, name.getValue().trim(), expiry);
                name.clear();
                expires.clear();
                name.setInvalid(false);
                showSecret(issued);
                refresh(tokens, subject);
            } catch (DomusException ex) {
                DomusUi.showError(ex);
            }
        });

        DateTimeFormatter format = DateTimeFormatter.ofLocalizedDateTime(FormatStyle.SHORT)
                .withLocale(getLocale())
                .withZone(ZoneId.systemDefault());
        grid.addColumn(AccessToken::name)
                .setHeader(getTranslation("tokens.name"))
                .setAutoWidth(true);
        grid.addColumn(t -> t.prefix() + "…")
                .setHeader(getTranslation("tokens.prefix"))
                .setAutoWidth(true);
        grid.addColumn(t -> when(format, t.createdAt(), "")).setHeader(getTranslation("tokens.created"));
        grid.addColumn(t -> when(format, t.expiresAt(), getTranslation("tokens.never")))
                .setHeader(getTranslation("tokens.expires"));
        grid.addColumn(t -> when(format, t.lastUsedAt(), getTranslation("tokens.neverUsed")))
                .setHeader(getTranslation("tokens.lastUsed"));
        grid.addComponentColumn(t -> {
                    if (t.revoked()) {
                        return new com.vaadin.flow.component.html.Span(getTranslation("tokens.revoked"));
                    }
                    Button revoke = new Button(getTranslation("tokens.revoke"));
                    revoke.addThemeVariants(ButtonVariant.LUMO_ERROR, ButtonVariant.LUMO_SMALL);
                    revoke.addClickListener(e -> confirmRevoke(tokens, subject, t));
                    return revoke;
                })
                .setHeader(getTranslation("tokens.status"))
                .setAutoWidth(true);
        grid.addThemeVariants(GridVariant.LUMO_ROW_STRIPES);
        grid.setAllRowsVisible(true);
        add(form, grid);
        refresh(tokens, subject);
    }

    private void refresh(AccessTokenService tokens, Subject subject) {
        grid.setItems(tokens.list(subject));
    }

    private void showSecret(AccessToken.Issued issued) {
        Dialog dialog = new Dialog();
        dialog.setHeaderTitle(getTranslation("tokens.secret.title"));
        Div secret = new Div();
        secret.setText(issued.secret());
        secret.addClassName("domus-secret");
        dialog.add(new Paragraph(getTranslation("tokens.secret.text")), secret);
        Button close = new Button(getTranslation("action.close"), e -> dialog.close());
        close.addThemeVariants(ButtonVariant.LUMO_PRIMARY);
        dialog.getFooter().add(close);
        dialog.setCloseOnOutsideClick(false);
        dialog.setMaxWidth("560px");
        dialog.open();
    }

    private void confirmRevoke(AccessTokenService tokens, Subject subject, AccessToken token) {
        ConfirmDialog confirm = new ConfirmDialog();
        confirm.setHeader(getTranslation("tokens.revoke.title"));
        confirm.setText(getTranslation("tokens.revoke.text", token.name()));
        confirm.setCancelable(true);
        confirm.setCancelText(getTranslation("action.cancel"));
        confirm.setConfirmText(getTranslation("tokens.revoke"));
        confirm.setConfirmButtonTheme("error primary");
        confirm.addConfirmListener(e -> {
            try {
                tokens.revoke(subject, token.id());
                DomusUi.showSuccess("tokens.revoked.done");
            } catch (DomusException ex) {
                DomusUi.showError(ex);
            }
            refresh(tokens, subject);
        });
        confirm.open();
    }

    private static String when(DateTimeFormatter format, Instant instant, String otherwise) {
        return instant == null ? otherwise : format.format(instant);
    }

    @Override
    public String getPageTitle() {
        return getTranslation("tokens.title") + " · Domus";
    }
}
