package org.domus.communications.web.internal.messages;

import com.vaadin.flow.component.UI;
import com.vaadin.flow.component.button.Button;
import com.vaadin.flow.component.button.ButtonVariant;
import com.vaadin.flow.component.dialog.Dialog;
import com.vaadin.flow.component.formlayout.FormLayout;
import com.vaadin.flow.component.select.Select;
import com.vaadin.flow.component.textfield.TextArea;
import com.vaadin.flow.component.textfield.TextField;
import java.util.List;
import org.domus.communications.MessageService;
import org.domus.communications.MessageThreadDetail;
import org.domus.communications.MessageTopic;
import org.domus.communications.NewMessageThread;
import org.domus.core.DomusException;
import org.domus.core.Subject;
import org.domus.core.registry.Holding;
import org.domus.web.DomusUi;

/** "New message" to the office: the unit, a topic, a subject, the text and files; sends and opens the thread. */
final class NewThreadDialog extends Dialog {

    private static final long serialVersionUID = 1L;

    final Select<Holding> unit = new Select<>();
    final Select<MessageTopic> topic = new Select<>();
    final TextField subject = new TextField();
    final TextArea text = new TextArea();
    private final FileList files;

    NewThreadDialog(MessageService messages, List<Holding> units, Subject me) {
        setId("comm-new-dialog");
        setHeaderTitle(DomusUi.translate("communications.messages.ui.new.title"));
        unit.setId("comm-new-unit");
        unit.setLabel(DomusUi.translate("communications.messages.ui.new.unit"));
        unit.setItems(units);
        unit.setItemLabelGenerator(h -> h.unit().number() + ", " + h.building().street() + " "
                + h.building().number());
        unit.setValue(units.get(0));
        topic.setId("comm-new-topic");
        topic.setLabel(DomusUi.translate("communications.messages.ui.new.topic"));
        topic.setItems(MessageTopic.values());
        topic.setItemLabelGenerator(t -> DomusUi.translate("communications.messages.ui.topic." + t.name()));
        topic.setValue(MessageTopic.OTHER);
        subject.setId("comm-new-subject");
        subject.setLabel(DomusUi.translate("communications.messages.ui.new.subject"));
        subject.setMaxLength(MessageService.MAX_SUBJECT);
        subject.setRequired(true);
        text.setId("comm-new-text");
        text.setLabel(DomusUi.translate("communications.messages.ui.new.text"));
        text.setMaxLength(MessageService.MAX_TEXT);
        text.setRequired(true);
        text.setMinHeight("8em");
        files = new FileList("comm-new-files", messages);
        FormLayout form = new FormLayout(unit, topic, subject, text, files);
        form.setColspan(subject, 2);
        form.setColspan(text, 2);
        form.setColspan(files, 2);
        add(form);

        Button send = new Button(DomusUi.translate("communications.messages.ui.new.send"), e -> {
            try {
                MessageThreadDetail opened = messages.open(
                        me,
                        new NewMessageThread(
                                unit.getValue() == null
                                        ? null
                                        : unit.getValue().unit().id(),
                                topic.getValue(),
                                subject.getValue(),
                                text.getValue(),
                                files.files()));
                UI ui = UI.getCurrent();
                close();
                ui.navigate(ThreadContribution.ROUTE + "/" + opened.thread().id());
            } catch (DomusException ex) {
                DomusUi.showError(ex);
            }
        });
        send.setId("comm-new-send");
        send.addThemeVariants(ButtonVariant.LUMO_PRIMARY);
        Button cancel = new Button(DomusUi.translate("communications.messages.ui.new.cancel"), e -> close());
        getFooter().add(cancel, send);
        setWidth("min(90vw, 44em)");
    }
}
