package org.domus.tickets.web.internal;

import com.vaadin.flow.component.button.Button;
import com.vaadin.flow.component.button.ButtonVariant;
import com.vaadin.flow.component.html.Div;
import com.vaadin.flow.component.html.H3;
import com.vaadin.flow.component.html.H4;
import com.vaadin.flow.component.html.Paragraph;
import com.vaadin.flow.component.orderedlayout.FlexComponent;
import com.vaadin.flow.component.orderedlayout.HorizontalLayout;
import com.vaadin.flow.component.textfield.IntegerField;
import com.vaadin.flow.component.textfield.TextArea;
import com.vaadin.flow.component.textfield.TextField;
import java.util.Set;
import org.domus.core.DomusException;
import org.domus.core.Subject;
import org.domus.tickets.Ticket;
import org.domus.tickets.TicketAttachments;
import org.domus.tickets.TicketService;
import org.domus.tickets.TicketStatus;
import org.domus.tickets.TransitionRequest;
import org.domus.web.DomusUi;
import org.domus.web.components.SignaturePad;

/**
 * The contractor's side of a ticket assigned to their company: accept the assignment, start the work, log
 * the time spent with a note, write work notes (never shown to the requester), add photos and voice notes,
 * and finish with the completion protocol the requester signs on screen ({@link FinishForm}). The service
 * decides whether each step is allowed now and refuses with a reason otherwise.
 */
class WorkPanel extends Div {

    private static final long serialVersionUID = 1L;

    /** Most minutes one time entry may log (a day). */
    static final int MAX_MINUTES = 1440;

    private final transient Subject me;
    private final transient Ticket ticket;
    private final transient TicketService tickets;
    private final transient Runnable changed;

    WorkPanel(
            Subject me,
            Ticket ticket,
            Set<TicketStatus> allowed,
            TicketService tickets,
            TicketAttachments attachments,
            Runnable changed) {
        this.me = me;
        this.ticket = ticket;
        this.tickets = tickets;
        this.changed = changed;
        addClassName("domus-card");
        setId("tickets-work");
        add(new H3(DomusUi.translate("tickets.ui.work.panel")));
        TicketStatus status = ticket.status();
        HorizontalLayout steps = new HorizontalLayout();
        steps.setDefaultVerticalComponentAlignment(FlexComponent.Alignment.BASELINE);
        if (status == TicketStatus.ASSIGNED && ticket.assignmentAcceptedAt() == null) {
            Button accept = new Button(
                    DomusUi.translate("tickets.ui.work.accept"),
                    e -> act(() -> tickets.acceptAssignment(me, ticket.id()), "tickets.ui.work.accepted"));
            accept.setId("tickets-work-accept");
            accept.addThemeVariants(ButtonVariant.LUMO_PRIMARY);
            steps.add(accept);
        }
        if (allowed.contains(TicketStatus.IN_PROGRESS)) {
            Button start = new Button(
                    DomusUi.translate("tickets.ui.work.start"),
                    e -> act(
                            () -> tickets.transition(
                                    me,
                                    ticket.id(),
                                    new TransitionRequest(
                                            TicketStatus.IN_PROGRESS, null, null, null, null, null, ticket.version())),
                            "tickets.ui.work.started"));
            start.setId("tickets-work-start");
            start.addThemeVariants(ButtonVariant.LUMO_PRIMARY);
            steps.add(start);
        }
        if (steps.getComponentCount() > 0) {
            add(steps);
        }
        if (status.isFinal() || status == TicketStatus.DONE) {
            add(new Paragraph(DomusUi.translate("tickets.ui.work.finished")));
            return;
        }
        add(timeForm(), noteForm());
        add(new H4(DomusUi.translate("tickets.ui.work.media")));
        add(Uploads.upload(
                "tickets-work-photos",
                DomusUi.translate("tickets.ui.work.photos"),
                file -> act(
                        () -> attachments.upload(me, ticket.id(), file.name(), file.content(), false),
                        "tickets.ui.ticket.fileAdded",
                        file.name()),
                Uploads.PHOTOS));
        add(Uploads.upload(
                "tickets-work-voice",
                DomusUi.translate("tickets.ui.work.voice"),
                file -> act(
                        () -> attachments.upload(me, ticket.id(), file.name(), file.content(), true),
                        "tickets.ui.ticket.fileAdded",
                        file.name()),
                Uploads.AUDIO));
        if (status == TicketStatus.IN_PROGRESS) {
            SignaturePad pad = new SignaturePad();
            pad.setId("tickets-finish-signature");
            FinishForm finish = new FinishForm(DomusUi::translate, ticket.requesterName(), pad, pad::getSignaturePng);
            // a new stroke answers the "please sign" refusal
            pad.addSignatureChangeListener(e -> finish.signatureError.setVisible(false));
            finish.addFinishListener(e -> act(
                    () -> attachments.complete(me, ticket.id(), e.workDone(), e.signature(), e.signer()),
                    "tickets.ui.work.completed"));
            add(finish);
        }
    }

    private Div timeForm() {
        IntegerField minutes = new IntegerField(DomusUi.translate("tickets.ui.work.minutes"));
        minutes.setId("tickets-work-minutes");
        minutes.setMin(1);
        minutes.setMax(MAX_MINUTES);
        minutes.setStepButtonsVisible(true);
        TextField note = new TextField(DomusUi.translate("tickets.ui.work.timeNote"));
        note.setId("tickets-work-time-note");
        note.setMaxLength(2000);
        Button log = new Button(DomusUi.translate("tickets.ui.work.log"), e -> {
            Integer value = minutes.getValue();
            if (value == null || value < 1 || value > MAX_MINUTES) {
                minutes.setErrorMessage(DomusUi.translate("tickets.ui.work.minutesRange", MAX_MINUTES));
                minutes.setInvalid(true);
                return;
            }
            act(
                    () -> tickets.logWork(me, ticket.id(), value, blankToNull(note.getValue())),
                    "tickets.ui.work.logged",
                    TicketText.minutes(value));
        });
        log.setId("tickets-work-log");
        HorizontalLayout row = new HorizontalLayout(minutes, note, log);
        row.setDefaultVerticalComponentAlignment(FlexComponent.Alignment.BASELINE);
        row.getStyle().set("flex-wrap", "wrap");
        return new Div(new H4(DomusUi.translate("tickets.ui.work.time")), row);
    }

    private Div noteForm() {
        TextArea note = new TextArea(DomusUi.translate("tickets.ui.work.note"));
        note.setId("tickets-work-note");
        note.setHelperText(DomusUi.translate("tickets.ui.work.noteHelp"));
        note.setWidthFull();
        note.setMaxLength(4000);
        Button add = new Button(DomusUi.translate("tickets.ui.work.noteAdd"), e -> {
            if (note.getValue().isBlank()) {
                note.setErrorMessage(DomusUi.translate("tickets.ui.report.required"));
                note.setInvalid(true);
                return;
            }
            act(() -> tickets.comment(me, ticket.id(), note.getValue().strip(), true), "tickets.ui.work.noteAdded");
        });
        add.setId("tickets-work-note-add");
        return new Div(note, add);
    }

    /** Runs one step; on success a confirmation and the ticket read again, else the service's reason. */
    private void act(Runnable step, String done, Object... arguments) {
        try {
            step.run();
            DomusUi.showSuccess(done, arguments);
            changed.run();
        } catch (DomusException e) {
            Refusals.show(e);
        }
    }

    private static String blankToNull(String text) {
        return text == null || text.isBlank() ? null : text.strip();
    }
}
