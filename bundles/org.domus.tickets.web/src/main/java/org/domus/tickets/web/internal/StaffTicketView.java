package org.domus.tickets.web.internal;

import com.vaadin.flow.component.button.Button;
import com.vaadin.flow.component.button.ButtonVariant;
import com.vaadin.flow.component.checkbox.Checkbox;
import com.vaadin.flow.component.dialog.Dialog;
import com.vaadin.flow.component.grid.Grid;
import com.vaadin.flow.component.grid.GridVariant;
import com.vaadin.flow.component.html.Anchor;
import com.vaadin.flow.component.html.Div;
import com.vaadin.flow.component.html.H2;
import com.vaadin.flow.component.html.Paragraph;
import com.vaadin.flow.component.html.Span;
import com.vaadin.flow.component.orderedlayout.HorizontalLayout;
import com.vaadin.flow.component.orderedlayout.VerticalLayout;
import com.vaadin.flow.component.select.Select;
import com.vaadin.flow.component.textfield.TextArea;
import com.vaadin.flow.component.upload.Upload;
import com.vaadin.flow.component.upload.receivers.MemoryBuffer;
import com.vaadin.flow.router.BeforeEvent;
import com.vaadin.flow.router.HasDynamicTitle;
import com.vaadin.flow.router.HasUrlParameter;
import com.vaadin.flow.server.StreamResource;
import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import org.domus.core.DomusException;
import org.domus.core.Subject;
import org.domus.tickets.Attachment;
import org.domus.tickets.AttachmentContent;
import org.domus.tickets.ContractorService;
import org.domus.tickets.Ticket;
import org.domus.tickets.TicketAttachments;
import org.domus.tickets.TicketService;
import org.domus.tickets.TicketStatus;
import org.domus.tickets.TimelineEntry;
import org.domus.tickets.TransitionRequest;
import org.domus.web.DomusUi;

/**
 * A ticket's page for staff at {@code tickets/manage/ticket/<id>}: its data, the whole timeline with the internal
 * notes, the moves the workflow allows the manager now (reasons asked where the timeline keeps one), forwarding
 * to a contractor company and worker, feedback to the requester, internal notes and attachments. Staff outside
 * their scope get the shell's "access denied", anyone else who may not know the ticket "not found".
 */
public class StaffTicketView extends VerticalLayout implements HasUrlParameter<Long>, HasDynamicTitle {

    private static final long serialVersionUID = 1L;

    /** The route without the parameter. */
    static final String ROUTE = "tickets/manage/ticket";

    /** Moves that keep a reason in the timeline, and whether it is required. */
    private static final Set<TicketStatus> REASON_REQUIRED = Set.of(TicketStatus.REJECTED, TicketStatus.REOPENED);

    private static final Set<TicketStatus> REASON_OPTIONAL = Set.of(TicketStatus.CANCELLED);

    private final transient TicketService tickets;
    private final transient TicketAttachments attachments;
    private final transient ContractorService contractors;
    private Ticket ticket;

    public StaffTicketView(TicketService tickets, TicketAttachments attachments, ContractorService contractors) {
        this.tickets = tickets;
        this.attachments = attachments;
        this.contractors = contractors;
        addClassName("domus-page");
    }

    @Override
    public String getPageTitle() {
        return getTranslation("tickets.manage.ticket.title");
    }

    @Override
    public void setParameter(BeforeEvent event, Long id) {
        try {
            ticket = tickets.get(subject(), id == null ? -1 : id);
            render();
        } catch (DomusException e) {
            if (!DomusUi.showRefusal(event, e)) {
                removeAll();
                add(
                        new H2(getTranslation("tickets.manage.ticket.title")),
                        new Paragraph(getTranslation(e.messageKey())));
            }
        }
    }

    private void reload() {
        try {
            ticket = tickets.get(subject(), ticket.id());
            render();
        } catch (DomusException e) {
            Refusals.show(e);
        }
    }

    private void render() {
        removeAll();
        Anchor back = new Anchor(ManageContribution.ROUTE, getTranslation("tickets.manage.ticket.back"));
        H2 title = new H2(ticket.reference() + " – " + ticket.title());
        title.setId("tickets-staff-title");
        Span status = Panels.badge(TicketText.of("tickets.ui.status.", ticket.status()), "contrast");
        status.setId("tickets-staff-status");
        add(back, title, new HorizontalLayout(status, TicketText.deadlineBadge(ticket)));
        add(actions(), data(), timeline(), files());
    }

    private Div data() {
        List<com.vaadin.flow.component.Component> rows = new ArrayList<>();
        rows.add(field("tickets.ui.column.category", ticket.categoryName() + " (" + ticket.group() + ")", null));
        rows.add(field(
                "tickets.manage.column.priority", TicketText.of("tickets.ui.priority.", ticket.priority()), null));
        rows.add(field("tickets.manage.field.area", TicketText.of("tickets.ui.area.", ticket.area()), null));
        rows.add(field("tickets.ui.column.address", ticket.address(), "tickets-staff-address"));
        rows.add(field("tickets.manage.column.source", TicketText.of("tickets.ui.source.", ticket.source()), null));
        rows.add(field("tickets.manage.field.description", ticket.description(), "tickets-staff-description"));
        rows.add(field("tickets.manage.field.requester", ticket.requesterName(), "tickets-staff-requester"));
        rows.add(field(
                "tickets.manage.field.contact",
                join(ticket.contactEmail(), ticket.contactPhone()) + " · "
                        + TicketText.of("tickets.ui.contact.", ticket.contactPreference()),
                null));
        if (ticket.visitFrom() != null) {
            rows.add(field(
                    "tickets.manage.field.visit",
                    TicketText.dateTime(ticket.visitFrom(), getLocale()) + " – "
                            + TicketText.dateTime(ticket.visitTo(), getLocale()),
                    null));
        }
        if (ticket.latitude() != null) {
            rows.add(field(
                    "tickets.manage.field.pin",
                    ticket.latitude().toPlainString() + ", "
                            + ticket.longitude().toPlainString(),
                    null));
        }
        rows.add(field("tickets.ui.column.created", TicketText.dateTime(ticket.createdAt(), getLocale()), null));
        rows.add(field(
                "tickets.manage.field.responseDue", TicketText.dateTime(ticket.responseDue(), getLocale()), null));
        rows.add(field("tickets.ui.column.due", TicketText.dateTime(ticket.resolutionDue(), getLocale()), null));
        rows.add(field("tickets.manage.field.resolved", TicketText.dateTime(ticket.resolvedAt(), getLocale()), null));
        rows.add(field(
                "tickets.manage.column.contractor",
                ticket.companyName() == null ? null : join(ticket.companyName(), ticket.workerName()),
                "tickets-staff-contractor"));
        rows.add(field("tickets.manage.field.spent", TicketText.minutes(ticket.minutesSpent()), null));
        if (ticket.rating() != null) {
            rows.add(field(
                    "tickets.manage.field.rating",
                    "★".repeat(ticket.rating()) + (ticket.ratingComment() == null ? "" : " " + ticket.ratingComment()),
                    "tickets-staff-rating"));
        }
        return Panels.card(
                getTranslation("tickets.manage.ticket.data"), rows.toArray(com.vaadin.flow.component.Component[]::new));
    }

    private Div field(String key, String value, String id) {
        return Panels.field(getTranslation(key), value, id);
    }

    private static String join(String a, String b) {
        if (a == null || a.isBlank()) {
            return b == null ? "" : b;
        }
        return b == null || b.isBlank() ? a : a + " / " + b;
    }

    /** The moves allowed now, forwarding, feedback to the requester and an internal note. */
    private Div actions() {
        HorizontalLayout moves = new HorizontalLayout();
        moves.getStyle().set("flex-wrap", "wrap");
        Set<TicketStatus> allowed;
        try {
            allowed = tickets.allowedTransitions(subject(), ticket.id());
        } catch (DomusException e) {
            allowed = Set.of();
        }
        for (TicketStatus to : TicketStatus.values()) {
            if (!allowed.contains(to)) {
                continue;
            }
            Button move = new Button(getTranslation("tickets.manage.move." + to.name()), e -> move(to));
            move.setId("tickets-staff-move-"
                    + to.name().toLowerCase(java.util.Locale.ROOT).replace('_', '-'));
            if (to == TicketStatus.ACCEPTED || to == TicketStatus.ASSIGNED) {
                move.addThemeVariants(ButtonVariant.LUMO_PRIMARY);
            } else if (to == TicketStatus.REJECTED || to == TicketStatus.CANCELLED) {
                move.addThemeVariants(ButtonVariant.LUMO_ERROR);
            }
            moves.add(move);
        }
        if (allowed.isEmpty()) {
            moves.add(new Span(getTranslation("tickets.manage.move.none")));
        }

        TextArea feedback = new TextArea(getTranslation("tickets.manage.feedback"));
        feedback.setId("tickets-staff-feedback");
        feedback.setWidthFull();
        feedback.setMaxLength(4000);
        Button send = new Button(getTranslation("tickets.manage.feedback.send"), e -> {
            try {
                tickets.feedback(subject(), ticket.id(), feedback.getValue());
                DomusUi.showSuccess("tickets.manage.feedback.sent");
                reload();
            } catch (DomusException refused) {
                Refusals.show(refused);
            }
        });
        send.setId("tickets-staff-feedback-send");
        send.setEnabled(ticket.source() != org.domus.tickets.TicketSource.PUBLIC_FORM || ticket.contactEmail() != null);

        TextArea note = new TextArea(getTranslation("tickets.manage.note"));
        note.setId("tickets-staff-note");
        note.setWidthFull();
        note.setMaxLength(4000);
        Button addNote = new Button(getTranslation("tickets.manage.note.add"), e -> {
            try {
                tickets.comment(subject(), ticket.id(), note.getValue(), true);
                reload();
            } catch (DomusException refused) {
                Refusals.show(refused);
            }
        });
        addNote.setId("tickets-staff-note-add");
        return Panels.card(getTranslation("tickets.manage.ticket.actions"), moves, feedback, send, note, addNote);
    }

    private void move(TicketStatus to) {
        Long version = ticket.version();
        if (to == TicketStatus.ASSIGNED) {
            new AssignDialog(
                            subject(),
                            contractors,
                            ticket.organisationId(),
                            Set.of(ticket.group()),
                            (company, worker) -> apply(new TransitionRequest(
                                    TicketStatus.ASSIGNED, null, company, worker, null, null, version)))
                    .open();
        } else if (to == TicketStatus.CONFIRMED) {
            confirmOnBehalf(version);
        } else if (REASON_REQUIRED.contains(to) || REASON_OPTIONAL.contains(to)) {
            new ReasonDialog(
                            getTranslation("tickets.manage.move." + to.name()),
                            REASON_REQUIRED.contains(to),
                            reason -> apply(new TransitionRequest(to, reason, null, null, null, null, version)))
                    .open();
        } else {
            apply(new TransitionRequest(to, null, null, null, null, null, version));
        }
    }

    /** The office confirms for the requester: the rating the requester gave by phone or at the office. */
    private void confirmOnBehalf(Long version) {
        Dialog dialog = new Dialog();
        dialog.setId("tickets-staff-confirm-dialog");
        dialog.setHeaderTitle(getTranslation("tickets.manage.move.CONFIRMED"));
        Select<Integer> rating = new Select<>();
        rating.setId("tickets-staff-rating-value");
        rating.setLabel(getTranslation("tickets.manage.field.rating"));
        rating.setItems(5, 4, 3, 2, 1);
        rating.setItemLabelGenerator(r -> "★".repeat(r));
        rating.setValue(5);
        TextArea comment = new TextArea(getTranslation("tickets.manage.rating.comment"));
        Button ok = new Button(getTranslation("tickets.manage.reason.confirm"), e -> {
            dialog.close();
            apply(new TransitionRequest(
                    TicketStatus.CONFIRMED, null, null, null, rating.getValue(), comment.getValue(), version));
        });
        ok.setId("tickets-staff-confirm-ok");
        ok.addThemeVariants(ButtonVariant.LUMO_PRIMARY);
        dialog.add(new VerticalLayout(rating, comment));
        dialog.getFooter().add(new Button(getTranslation("tickets.ui.cancel"), e -> dialog.close()), ok);
        dialog.open();
    }

    private void apply(TransitionRequest request) {
        try {
            tickets.transition(subject(), ticket.id(), request);
            DomusUi.showSuccess("tickets.manage.moved", TicketText.of("tickets.ui.status.", request.to()));
            reload();
        } catch (DomusException e) {
            Refusals.show(e);
        }
    }

    /** Every timeline entry, the internal ones marked. */
    private Div timeline() {
        Grid<TimelineEntry> grid = new Grid<>();
        grid.setId("tickets-staff-timeline");
        grid.addColumn(t -> TicketText.dateTime(t.at(), getLocale()))
                .setHeader(getTranslation("tickets.manage.timeline.at"))
                .setAutoWidth(true);
        grid.addColumn(TimelineEntry::authorName).setHeader(getTranslation("tickets.manage.timeline.author"));
        grid.addColumn(t -> TicketText.of("tickets.ui.timeline.", t.kind()))
                .setHeader(getTranslation("tickets.manage.timeline.kind"));
        grid.addColumn(t -> TicketText.of("tickets.ui.status.", t.status()))
                .setHeader(getTranslation("tickets.ui.column.status"));
        grid.addColumn(t -> (t.internal() ? "[" + getTranslation("tickets.manage.timeline.internal") + "] " : "")
                        + (t.text() == null ? "" : t.text())
                        + (t.minutes() == null ? "" : " (" + t.minutes() + ")"))
                .setHeader(getTranslation("tickets.manage.timeline.text"))
                .setFlexGrow(3);
        grid.addThemeVariants(GridVariant.LUMO_COMPACT, GridVariant.LUMO_WRAP_CELL_CONTENT);
        grid.setAllRowsVisible(true);
        try {
            grid.setItems(tickets.timeline(subject(), ticket.id()));
        } catch (DomusException e) {
            Refusals.show(e);
        }
        return Panels.card(getTranslation("tickets.manage.ticket.timeline"), grid);
    }

    /** The ticket's files with download links, and an upload (internal or for everyone who sees the ticket). */
    private Div files() {
        Div list = new Div();
        list.setId("tickets-staff-attachments");
        try {
            for (Attachment a : attachments.list(subject(), ticket.id())) {
                long attachmentId = a.id();
                long ticketId = ticket.id();
                Subject me = subject();
                Anchor link = new Anchor(
                        new StreamResource(a.name(), () -> {
                                    AttachmentContent content = attachments.download(me, ticketId, attachmentId);
                                    return new ByteArrayInputStream(content.data());
                                })
                                .setContentType(a.mediaType()),
                        a.name());
                link.getElement().setAttribute("download", true);
                Div row = new Div(
                        link,
                        new Span(" · " + TicketText.of("tickets.ui.attachment.", a.kind()) + " · " + a.authorName()
                                + (a.internal() ? " · " + getTranslation("tickets.manage.timeline.internal") : "")));
                list.add(row);
            }
        } catch (DomusException e) {
            Refusals.show(e);
        }
        Checkbox internal = new Checkbox(getTranslation("tickets.manage.attachment.internal"));
        internal.setId("tickets-staff-upload-internal");
        MemoryBuffer buffer = new MemoryBuffer();
        Upload upload = new Upload(buffer);
        upload.setId("tickets-staff-upload");
        upload.setMaxFiles(1);
        upload.addSucceededListener(e -> {
            try (InputStream in = buffer.getInputStream()) {
                attachments.upload(subject(), ticket.id(), e.getFileName(), in.readAllBytes(), internal.getValue());
                reload();
            } catch (DomusException refused) {
                Refusals.show(refused);
            } catch (IOException unreadable) {
                DomusUi.showError(
                        new DomusException(DomusException.Kind.INVALID, "tickets.manage.attachment.unreadable"));
            }
        });
        return Panels.card(getTranslation("tickets.manage.ticket.attachments"), list, internal, upload);
    }

    private static Subject subject() {
        return DomusUi.requireSubject();
    }
}
