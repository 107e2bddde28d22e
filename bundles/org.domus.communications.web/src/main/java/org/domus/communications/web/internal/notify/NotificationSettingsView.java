package org.domus.communications.web.internal.notify;

import com.vaadin.flow.component.button.Button;
import com.vaadin.flow.component.button.ButtonVariant;
import com.vaadin.flow.component.html.H2;
import com.vaadin.flow.component.html.Paragraph;
import com.vaadin.flow.component.orderedlayout.VerticalLayout;
import com.vaadin.flow.router.HasDynamicTitle;
import org.domus.communications.NotificationPreferences;
import org.domus.communications.NotificationService;
import org.domus.core.DomusException;
import org.domus.core.Subject;
import org.domus.web.DomusUi;

/**
 * Notification settings of the signed-in account: which kinds reach them in the application and by e-mail, with
 * the e-mail address they go to (or a hint that there is none).
 */
public class NotificationSettingsView extends VerticalLayout implements HasDynamicTitle {

    private static final long serialVersionUID = 1L;

    private final transient NotificationService notifications;
    private final Subject subject;
    final NotificationSettingsForm form = new NotificationSettingsForm();
    final Paragraph email = new Paragraph();
    final Button save = new Button();

    public NotificationSettingsView(NotificationService notifications) {
        this.notifications = notifications;
        this.subject = DomusUi.requireSubject();
        addClassName("domus-page");
        setId("communications-settings");
        email.setId("communications-settings-email");
        save.setText(getTranslation("communications.notify.ui.settings.save"));
        save.setId("communications-settings-save");
        save.addThemeVariants(ButtonVariant.LUMO_PRIMARY);
        save.addClickListener(e -> save());
        add(
                new H2(getTranslation("communications.notify.ui.settings.title")),
                new Paragraph(getTranslation("communications.notify.ui.settings.intro")),
                email,
                form,
                save);
        try {
            show(notifications.preferences(subject));
        } catch (DomusException e) {
            DomusUi.showError(e);
        }
    }

    private void show(NotificationPreferences preferences) {
        form.read(preferences);
        email.setText(preferences
                .email()
                .map(address -> getTranslation("communications.notify.ui.settings.email", address))
                .orElseGet(() -> getTranslation("communications.notify.ui.settings.no-email")));
    }

    void save() {
        try {
            show(notifications.savePreferences(subject, form.channels()));
            DomusUi.showSuccess("communications.notify.ui.settings.saved");
        } catch (DomusException e) {
            DomusUi.showError(e);
        }
    }

    @Override
    public String getPageTitle() {
        return getTranslation("communications.notify.ui.settings.title");
    }
}
