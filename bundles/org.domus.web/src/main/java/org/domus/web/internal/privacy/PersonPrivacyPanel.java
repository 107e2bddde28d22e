package org.domus.web.internal.privacy;

import com.vaadin.flow.component.button.Button;
import com.vaadin.flow.component.button.ButtonVariant;
import com.vaadin.flow.component.dialog.Dialog;
import com.vaadin.flow.component.html.Div;
import com.vaadin.flow.component.html.H3;
import com.vaadin.flow.component.html.H4;
import com.vaadin.flow.component.html.ListItem;
import com.vaadin.flow.component.html.Paragraph;
import com.vaadin.flow.component.html.Span;
import com.vaadin.flow.component.html.UnorderedList;
import java.util.List;
import java.util.Locale;
import java.util.function.Function;
import org.domus.core.DomusException;
import org.domus.core.Subject;
import org.domus.core.access.AccessPolicy;
import org.domus.core.privacy.ErasureReport;
import org.domus.core.privacy.PersonalDataService;
import org.domus.core.privacy.PrivacyPermissions;
import org.domus.web.DomusUi;

/**
 * The office's personal-data actions on a person's card: download the person's data (JSON, PDF) and
 * erase it. Erasing first shows the service's dry run (what goes, what stays and why) and asks to
 * confirm; the result is shown the same way. Empty for staff without the permissions.
 */
public class PersonPrivacyPanel extends Div {

    private static final long serialVersionUID = 1L;

    private final transient PersonalDataService privacy;
    private final transient Subject subject;
    private final long personId;
    private final Locale locale;
    private final Function<String, String> text;
    private final transient Runnable onErased;

    public PersonPrivacyPanel(
            long personId,
            Subject subject,
            PersonalDataService privacy,
            AccessPolicy policy,
            Locale locale,
            Function<String, String> text,
            Runnable onErased) {
        this.privacy = privacy;
        this.subject = subject;
        this.personId = personId;
        this.locale = locale;
        this.text = text;
        this.onErased = onErased;
        boolean export = policy.isGranted(subject, PrivacyPermissions.EXPORT);
        boolean erase = policy.isGranted(subject, PrivacyPermissions.ERASE);
        setVisible(export || erase);
        if (!export && !erase) {
            return;
        }
        addClassName("domus-card");
        add(new H3(text.apply("privacy.export.person")));
        if (export) {
            add(new PersonalDataDownloads(
                    () -> privacy.exportPerson(subject, personId, locale),
                    privacy,
                    "personal-data-" + personId,
                    "person-data",
                    key -> text.apply(key.equals("privacy.export.intro") ? "privacy.export.personIntro" : key)));
        }
        if (erase) {
            Button button = new Button(text.apply("privacy.erasure.button"), e -> preview());
            button.setId("person-erase");
            button.addThemeVariants(ButtonVariant.LUMO_ERROR);
            add(button);
        }
    }

    private void preview() {
        ErasureReport report;
        try {
            report = privacy.erase(DomusUi.requireSubject(), personId, true, locale);
        } catch (DomusException e) {
            DomusUi.showError(e);
            return;
        }
        if (report.alreadyErased()) {
            Dialog info = dialog(report);
            info.open();
            return;
        }
        Dialog dialog = dialog(report);
        Button confirm = new Button(text.apply("privacy.erasure.confirm"), e -> {
            try {
                ErasureReport done = privacy.erase(DomusUi.requireSubject(), personId, false, locale);
                dialog.close();
                dialog(done).open();
                onErased.run();
            } catch (DomusException ex) {
                dialog.close();
                DomusUi.showError(ex);
            }
        });
        confirm.setId("person-erase-confirm");
        confirm.addThemeVariants(ButtonVariant.LUMO_ERROR, ButtonVariant.LUMO_PRIMARY);
        Button cancel = new Button(text.apply("action.cancel"), e -> dialog.close());
        cancel.setId("person-erase-cancel");
        dialog.getFooter().removeAll();
        dialog.getFooter().add(cancel, confirm);
        dialog.open();
    }

    /** The report: its message, then what is erased and what is kept with the reason. */
    Dialog dialog(ErasureReport report) {
        Dialog dialog = new Dialog();
        dialog.setId("person-erasure");
        dialog.setHeaderTitle(text.apply("privacy.erasure.title"));
        dialog.setWidth("min(760px, 95vw)");
        Paragraph message = new Paragraph(report.message());
        message.setId("person-erasure-message");
        dialog.add(message);
        if (!report.erased().isEmpty()) {
            dialog.add(new H4(text.apply(report.applied() ? "privacy.erasure.erased" : "privacy.erasure.willErase")));
            dialog.add(list(report.erased(), "person-erasure-erased"));
        }
        if (!report.kept().isEmpty()) {
            dialog.add(new H4(text.apply(report.applied() ? "privacy.erasure.kept" : "privacy.erasure.willKeep")));
            dialog.add(list(report.kept(), "person-erasure-kept"));
        }
        Button close = new Button(text.apply("action.close"), e -> dialog.close());
        close.setId("person-erasure-close");
        dialog.getFooter().add(close);
        return dialog;
    }

    private static UnorderedList list(List<ErasureReport.Item> items, String id) {
        UnorderedList list = new UnorderedList();
        list.setId(id);
        for (ErasureReport.Item item : items) {
            ListItem li = new ListItem(new Span(item.label()));
            if (item.reason() != null) {
                Div reason = new Div();
                reason.setText(item.reason());
                reason.getStyle()
                        .set("color", "var(--lumo-secondary-text-color)")
                        .set("font-size", "var(--lumo-font-size-s)");
                li.add(reason);
            }
            list.add(li);
        }
        return list;
    }
}
