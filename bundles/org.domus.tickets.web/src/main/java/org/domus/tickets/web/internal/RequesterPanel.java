package org.domus.tickets.web.internal;

import com.vaadin.flow.component.button.Button;
import com.vaadin.flow.component.button.ButtonVariant;
import com.vaadin.flow.component.html.Div;
import com.vaadin.flow.component.html.H3;
import com.vaadin.flow.component.html.Paragraph;
import com.vaadin.flow.component.orderedlayout.HorizontalLayout;
import com.vaadin.flow.component.radiobutton.RadioButtonGroup;
import com.vaadin.flow.component.textfield.TextArea;
import java.util.List;
import java.util.Set;
import org.domus.core.DomusException;
import org.domus.core.Subject;
import org.domus.tickets.Ticket;
import org.domus.tickets.TicketService;
import org.domus.tickets.TicketStatus;
import org.domus.tickets.TransitionRequest;
import org.domus.web.DomusUi;

/**
 * What the requester may do with their ticket now, as the workflow allows: cancel it while the office has
 * not forwarded it, and once the work is done confirm it with a rating (1 to 5) and a comment, or reopen it
 * with a reason. Every change passes the version the requester saw, so a change in between is refused.
 */
class RequesterPanel extends Div {

    private static final long serialVersionUID = 1L;

    RequesterPanel(Subject me, Ticket ticket, Set<TicketStatus> allowed, TicketService tickets, Runnable changed) {
        addClassName("domus-card");
        setId("tickets-requester");
        add(new H3(DomusUi.translate("tickets.ui.requester.title")));
        boolean any = false;
        if (allowed.contains(TicketStatus.CONFIRMED)) {
            any = true;
            add(new Paragraph(DomusUi.translate("tickets.ui.requester.done")));
            RadioButtonGroup<Integer> rating = new RadioButtonGroup<>();
            rating.setId("tickets-rating");
            rating.setLabel(DomusUi.translate("tickets.ui.requester.rating"));
            rating.setItems(List.of(5, 4, 3, 2, 1));
            rating.setItemLabelGenerator(r -> DomusUi.translate("tickets.ui.requester.rating." + r));
            rating.setRequired(true);
            TextArea comment = new TextArea(DomusUi.translate("tickets.ui.requester.ratingComment"));
            comment.setId("tickets-rating-comment");
            comment.setWidthFull();
            comment.setMaxLength(2000);
            Button confirm = new Button(DomusUi.translate("tickets.ui.requester.confirm"), e -> {
                if (rating.getValue() == null) {
                    rating.setErrorMessage(DomusUi.translate("tickets.ui.requester.ratingNeeded"));
                    rating.setInvalid(true);
                    return;
                }
                change(
                        me,
                        ticket,
                        tickets,
                        new TransitionRequest(
                                TicketStatus.CONFIRMED,
                                null,
                                null,
                                null,
                                rating.getValue(),
                                blankToNull(comment.getValue()),
                                ticket.version()),
                        "tickets.ui.requester.confirmed",
                        changed);
            });
            confirm.setId("tickets-confirm");
            confirm.addThemeVariants(ButtonVariant.LUMO_PRIMARY);
            add(rating, comment, confirm);
        }
        if (allowed.contains(TicketStatus.REOPENED)) {
            any = true;
            TextArea reason = new TextArea(DomusUi.translate("tickets.ui.requester.reopenReason"));
            reason.setId("tickets-reopen-reason");
            reason.setWidthFull();
            reason.setMaxLength(2000);
            Button reopen = new Button(DomusUi.translate("tickets.ui.requester.reopen"), e -> {
                if (reason.getValue().isBlank()) {
                    reason.setErrorMessage(DomusUi.translate("tickets.ui.requester.reasonNeeded"));
                    reason.setInvalid(true);
                    return;
                }
                change(
                        me,
                        ticket,
                        tickets,
                        new TransitionRequest(
                                TicketStatus.REOPENED,
                                reason.getValue().strip(),
                                null,
                                null,
                                null,
                                null,
                                ticket.version()),
                        "tickets.ui.requester.reopened",
                        changed);
            });
            reopen.setId("tickets-reopen");
            add(reason, reopen);
        }
        if (allowed.contains(TicketStatus.CANCELLED)) {
            any = true;
            TextArea reason = new TextArea(DomusUi.translate("tickets.ui.requester.cancelReason"));
            reason.setId("tickets-cancel-reason");
            reason.setWidthFull();
            reason.setMaxLength(2000);
            Button cancel = new Button(
                    DomusUi.translate("tickets.ui.requester.cancel"),
                    e -> change(
                            me,
                            ticket,
                            tickets,
                            new TransitionRequest(
                                    TicketStatus.CANCELLED,
                                    blankToNull(reason.getValue()),
                                    null,
                                    null,
                                    null,
                                    null,
                                    ticket.version()),
                            "tickets.ui.requester.cancelled",
                            changed));
            cancel.setId("tickets-cancel");
            cancel.addThemeVariants(ButtonVariant.LUMO_ERROR);
            add(reason, new HorizontalLayout(cancel));
        }
        if (!any) {
            add(new Paragraph(DomusUi.translate(
                    ticket.status().isFinal() ? "tickets.ui.requester.closed" : "tickets.ui.requester.waiting")));
        }
    }

    private static void change(
            Subject me,
            Ticket ticket,
            TicketService tickets,
            TransitionRequest request,
            String done,
            Runnable changed) {
        try {
            tickets.transition(me, ticket.id(), request);
            DomusUi.showSuccess(done);
            changed.run();
        } catch (DomusException e) {
            Refusals.show(e);
        }
    }

    private static String blankToNull(String text) {
        return text == null || text.isBlank() ? null : text.strip();
    }
}
