package org.domus.tickets.web.internal;

import com.vaadin.flow.component.Component;
import com.vaadin.flow.component.button.Button;
import com.vaadin.flow.component.grid.Grid;
import com.vaadin.flow.component.grid.GridVariant;
import com.vaadin.flow.component.html.Anchor;
import com.vaadin.flow.component.html.Div;
import com.vaadin.flow.component.html.H2;
import com.vaadin.flow.component.html.ListItem;
import com.vaadin.flow.component.html.Paragraph;
import com.vaadin.flow.component.html.UnorderedList;
import com.vaadin.flow.component.orderedlayout.HorizontalLayout;
import com.vaadin.flow.component.orderedlayout.VerticalLayout;
import com.vaadin.flow.component.textfield.TextArea;
import com.vaadin.flow.router.BeforeEvent;
import com.vaadin.flow.router.HasDynamicTitle;
import com.vaadin.flow.router.HasUrlParameter;
import com.vaadin.flow.router.RouterLink;
import com.vaadin.flow.server.StreamResource;
import java.io.ByteArrayInputStream;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Objects;
import java.util.Set;
import java.util.function.Function;
import java.util.stream.Collectors;
import org.domus.core.DomusException;
import org.domus.core.Subject;
import org.domus.core.access.AccessPolicy;
import org.domus.tickets.Attachment;
import org.domus.tickets.AttachmentKind;
import org.domus.tickets.ContractorService;
import org.domus.tickets.Ticket;
import org.domus.tickets.TicketAttachments;
import org.domus.tickets.TicketService;
import org.domus.tickets.TicketStatus;
import org.domus.tickets.TicketsPermissions;
import org.domus.tickets.TimelineEntry;
import org.domus.tickets.TimelineKind;
import org.domus.web.DomusUi;
import org.domus.web.components.DomusMap;
import org.domus.web.components.MapMarker;

/**
 * One ticket at {@code tickets/ticket/<id>} for its requester and for the contractor it is assigned to: the
 * data, the files (the completion protocol among them once the work is finished), the timeline (the service
 * leaves out internal entries for residents) and what the viewer may do now. The requester comments, adds
 * files, cancels while the office has not forwarded it, and confirms the finished work with a rating or
 * reopens it with a reason; the contractor works on it ({@link WorkPanel}). What may be done comes from the
 * service ({@link TicketService#allowedTransitions}); a ticket the viewer may not see is "not found" (to
 * residents) or "access denied" (to staff outside their scope), as the service says.
 */
public class TicketView extends VerticalLayout implements HasUrlParameter<Long>, HasDynamicTitle {

    private static final long serialVersionUID = 1L;

    private final transient TicketService tickets;
    private final transient TicketAttachments attachments;
    private final transient ContractorService contractors;
    private final transient AccessPolicy policy;
    private long ticketId;
    private Ticket ticket;

    public TicketView(
            TicketService tickets, TicketAttachments attachments, ContractorService contractors, AccessPolicy policy) {
        this.tickets = tickets;
        this.attachments = attachments;
        this.contractors = contractors;
        this.policy = policy;
        addClassName("domus-page");
    }

    @Override
    public void setParameter(BeforeEvent event, Long id) {
        ticketId = id == null ? 0 : id;
        try {
            ticket = tickets.get(subject(), ticketId);
            render();
        } catch (DomusException e) {
            if (!DomusUi.showRefusal(event, e)) {
                removeAll();
                add(new H2(getTranslation("tickets.ui.ticket.heading", "")), new Paragraph(Refusals.text(e)));
            }
        }
    }

    @Override
    public String getPageTitle() {
        return ticket == null
                ? getTranslation("tickets.ui.ticket.heading", "")
                : getTranslation("tickets.ui.ticket.heading", ticket.reference());
    }

    /** Reads the ticket again and shows it (after every change). */
    void reload() {
        try {
            ticket = tickets.get(subject(), ticketId);
            render();
        } catch (DomusException e) {
            Refusals.show(e);
        }
    }

    private void render() {
        removeAll();
        Subject me = subject();
        boolean requester = Objects.equals(ticket.requesterAccountId(), me.accountId());
        boolean contractor = ticket.companyId() != null
                && policy.isGranted(me, TicketsPermissions.WORK)
                && contractors.me(me).stream().anyMatch(w -> w.companyId() == ticket.companyId());
        Set<TicketStatus> allowed = tickets.allowedTransitions(me, ticketId);
        List<Attachment> files = attachments.list(me, ticketId);

        RouterLink back = contractor
                ? new RouterLink(getTranslation("tickets.ui.ticket.backWork"), WorkView.class)
                : new RouterLink(getTranslation("tickets.ui.ticket.backMine"), MyTicketsView.class);
        back.setId("tickets-back");
        H2 title = new H2(getTranslation("tickets.ui.ticket.heading", ticket.reference()));
        title.setId("tickets-ticket-title");
        Component status = Panels.badge(TicketText.of("tickets.ui.status.", ticket.status()), "");
        status.setId("tickets-ticket-status");
        HorizontalLayout badges = new HorizontalLayout(status, TicketText.deadlineBadge(ticket));
        add(back, title, badges);

        Div cards = new Div();
        cards.addClassName("domus-cards");
        cards.add(dataCard(contractor || !requester));
        if (contractor) {
            cards.add(new WorkPanel(me, ticket, allowed, tickets, attachments, this::reload));
        }
        if (requester) {
            cards.add(new RequesterPanel(me, ticket, allowed, tickets, this::reload));
        }
        cards.add(filesCard(me, files, requester || contractor));
        add(cards, timelineCard(me, files));
    }

    private Div dataCard(boolean showRequester) {
        Locale locale = getLocale();
        Div card = Panels.card(
                getTranslation("tickets.ui.ticket.data"),
                Panels.field(getTranslation("tickets.ui.ticket.subject"), ticket.title(), "tickets-ticket-subject"),
                Panels.field(getTranslation("tickets.ui.ticket.category"), ticket.categoryName(), null),
                Panels.field(
                        getTranslation("tickets.ui.ticket.place"),
                        TicketText.of("tickets.ui.area.", ticket.area()),
                        null),
                Panels.field(getTranslation("tickets.ui.ticket.address"), ticket.address(), "tickets-ticket-address"),
                Panels.field(
                        getTranslation("tickets.ui.ticket.priority"),
                        TicketText.of("tickets.ui.priority.", ticket.priority()),
                        null),
                Panels.field(
                        getTranslation("tickets.ui.ticket.created"),
                        TicketText.dateTime(ticket.createdAt(), locale),
                        null),
                Panels.field(
                        getTranslation("tickets.ui.ticket.responseDue"),
                        TicketText.dateTime(ticket.responseDue(), locale),
                        null),
                Panels.field(
                        getTranslation("tickets.ui.ticket.resolutionDue"),
                        TicketText.dateTime(ticket.resolutionDue(), locale),
                        "tickets-ticket-due"));
        if (ticket.visitFrom() != null) {
            card.add(Panels.field(
                    getTranslation("tickets.ui.ticket.visit"),
                    getTranslation(
                            "tickets.ui.ticket.visitRange",
                            TicketText.dateTime(ticket.visitFrom(), locale),
                            ticket.visitTo() == null ? "" : TicketText.dateTime(ticket.visitTo(), locale)),
                    null));
        }
        card.add(Panels.field(
                getTranslation("tickets.ui.ticket.contactPreference"),
                TicketText.of("tickets.ui.contact.", ticket.contactPreference()),
                null));
        if (showRequester && ticket.requesterName() != null) {
            card.add(Panels.field(
                    getTranslation("tickets.ui.ticket.requester"), ticket.requesterName(), "tickets-ticket-requester"));
            card.add(Panels.field(getTranslation("tickets.ui.ticket.phone"), ticket.contactPhone(), null));
            card.add(Panels.field(getTranslation("tickets.ui.ticket.email"), ticket.contactEmail(), null));
        }
        if (ticket.companyName() != null) {
            card.add(Panels.field(
                    getTranslation("tickets.ui.ticket.company"), ticket.companyName(), "tickets-ticket-company"));
        }
        if (ticket.workerName() != null) {
            card.add(Panels.field(getTranslation("tickets.ui.ticket.worker"), ticket.workerName(), null));
        }
        if (ticket.minutesSpent() > 0) {
            card.add(Panels.field(
                    getTranslation("tickets.ui.ticket.timeSpent"),
                    TicketText.minutes(ticket.minutesSpent()),
                    "tickets-ticket-time"));
        }
        if (ticket.rating() != null) {
            card.add(Panels.field(
                    getTranslation("tickets.ui.ticket.rating"),
                    getTranslation("tickets.ui.ticket.ratingValue", ticket.rating()),
                    "tickets-ticket-rating"));
        }
        if (ticket.latitude() != null && ticket.longitude() != null) {
            DomusMap map = new DomusMap();
            map.setId("tickets-ticket-map");
            map.setHeight("240px");
            map.setCenter(ticket.latitude().doubleValue(), ticket.longitude().doubleValue(), PinMap.BUILDING_ZOOM);
            map.setMarkers(List.of(new MapMarker(
                    "ticket-" + ticket.id(),
                    ticket.latitude().doubleValue(),
                    ticket.longitude().doubleValue(),
                    ticket.reference(),
                    "ticket",
                    "#d32f2f")));
            card.add(map);
        }
        Paragraph description = new Paragraph(ticket.description());
        description.setId("tickets-ticket-description");
        description.getStyle().set("white-space", "pre-wrap");
        card.add(description);
        return card;
    }

    private Div filesCard(Subject me, List<Attachment> files, boolean mayAdd) {
        Div card = Panels.card(getTranslation("tickets.ui.ticket.files"));
        card.setId("tickets-files");
        files.stream()
                .filter(a -> a.kind() == AttachmentKind.PROTOCOL)
                .reduce((first, second) -> second)
                .ifPresent(protocol -> {
                    Anchor link = download(me, protocol, getTranslation("tickets.ui.ticket.protocol"));
                    link.setId("tickets-protocol");
                    card.add(new Paragraph(link));
                });
        List<Attachment> others =
                files.stream().filter(a -> a.kind() != AttachmentKind.PROTOCOL).toList();
        if (others.isEmpty()) {
            card.add(new Paragraph(getTranslation("tickets.ui.ticket.noFiles")));
        } else {
            UnorderedList list = new UnorderedList();
            for (Attachment a : others) {
                Anchor link = download(
                        me,
                        a,
                        getTranslation(
                                "tickets.ui.ticket.file", a.name(), TicketText.of("tickets.ui.attachment.", a.kind())));
                link.setId("tickets-file-" + a.id());
                list.add(new ListItem(link));
            }
            card.add(list);
        }
        if (mayAdd && !ticket.status().isFinal()) {
            card.add(Uploads.upload(
                    "tickets-ticket-upload",
                    getTranslation("tickets.ui.ticket.addFiles"),
                    file -> {
                        try {
                            attachments.upload(me, ticketId, file.name(), file.content(), false);
                            DomusUi.showSuccess("tickets.ui.ticket.fileAdded", file.name());
                            reload();
                        } catch (DomusException e) {
                            Refusals.show(e);
                        }
                    },
                    Uploads.PHOTOS_AND_DOCUMENTS));
        }
        return card;
    }

    /** A link that fetches the file from the service when the browser asks for it, with the viewer's rights. */
    private Anchor download(Subject me, Attachment attachment, String text) {
        long id = attachment.id();
        boolean protocol = attachment.kind() == AttachmentKind.PROTOCOL;
        StreamResource resource = new StreamResource(
                        fileName(attachment),
                        () -> new ByteArrayInputStream(
                                protocol
                                        ? attachments.protocol(me, ticketId).data()
                                        : attachments.download(me, ticketId, id).data()))
                .setContentType(attachment.mediaType());
        Anchor anchor = new Anchor(resource, text);
        anchor.getElement().setAttribute("download", true);
        return anchor;
    }

    /** The stored name when it is a plain file name, else one made from the ticket's reference and the id. */
    private String fileName(Attachment attachment) {
        String name = attachment.name();
        return name != null && name.matches("[\\p{L}\\p{N} ._()-]{1,120}")
                ? name
                : ticket.reference() + "-" + attachment.id();
    }

    private Div timelineCard(Subject me, List<Attachment> files) {
        Map<Long, Attachment> byId = files.stream().collect(Collectors.toMap(Attachment::id, Function.identity()));
        Locale locale = getLocale();
        List<TimelineEntry> entries = tickets.timeline(me, ticketId);
        Grid<TimelineEntry> grid = new Grid<>();
        grid.setId("tickets-timeline");
        grid.addColumn(e -> TicketText.dateTime(e.at(), locale))
                .setHeader(getTranslation("tickets.ui.timeline.when"))
                .setAutoWidth(true)
                .setFlexGrow(0);
        grid.addColumn(TimelineEntry::authorName)
                .setHeader(getTranslation("tickets.ui.timeline.who"))
                .setAutoWidth(true);
        grid.addColumn(this::what).setHeader(getTranslation("tickets.ui.timeline.what"));
        grid.addColumn(e -> detail(e, byId))
                .setHeader(getTranslation("tickets.ui.timeline.detail"))
                .setFlexGrow(2);
        grid.addThemeVariants(GridVariant.LUMO_ROW_STRIPES, GridVariant.LUMO_WRAP_CELL_CONTENT);
        grid.setItems(entries);
        grid.setAllRowsVisible(true);
        Div card = Panels.card(getTranslation("tickets.ui.ticket.timeline"), grid);
        card.setWidthFull();
        if (!ticket.status().isFinal()) {
            card.add(commentBox(me));
        }
        return card;
    }

    /** What happened; a status change names the new status. */
    private String what(TimelineEntry e) {
        String kind = TicketText.of("tickets.ui.timeline.", e.kind());
        if (e.kind() == TimelineKind.STATUS && e.status() != null) {
            return kind + ": " + TicketText.of("tickets.ui.status.", e.status());
        }
        return e.internal() ? kind + " " + getTranslation("tickets.ui.timeline.internal") : kind;
    }

    private String detail(TimelineEntry e, Map<Long, Attachment> files) {
        StringBuilder text = new StringBuilder();
        if (e.kind() == TimelineKind.TIME && e.minutes() != null) {
            text.append(TicketText.minutes(e.minutes()));
        } else if (e.kind() == TimelineKind.RATING && e.minutes() != null) {
            text.append(getTranslation("tickets.ui.ticket.ratingValue", e.minutes()));
        }
        if (e.attachmentId() != null && files.containsKey(e.attachmentId())) {
            append(text, files.get(e.attachmentId()).name());
        }
        if (e.text() != null && !e.text().isBlank()) {
            append(text, e.text());
        }
        return text.toString();
    }

    private static void append(StringBuilder text, String more) {
        if (!text.isEmpty()) {
            text.append(" — ");
        }
        text.append(more);
    }

    private Div commentBox(Subject me) {
        TextArea comment = new TextArea(getTranslation("tickets.ui.ticket.comment"));
        comment.setId("tickets-comment");
        comment.setWidthFull();
        comment.setMaxLength(4000);
        Button add = new Button(getTranslation("tickets.ui.ticket.commentAdd"), e -> {
            if (comment.getValue().isBlank()) {
                comment.setErrorMessage(getTranslation("tickets.ui.report.required"));
                comment.setInvalid(true);
                return;
            }
            try {
                tickets.comment(me, ticketId, comment.getValue().strip(), false);
                DomusUi.showSuccess("tickets.ui.ticket.commentAdded");
                reload();
            } catch (DomusException ex) {
                Refusals.show(ex);
            }
        });
        add.setId("tickets-comment-add");
        Div box = new Div(comment, add);
        box.setWidthFull();
        return box;
    }

    private static Subject subject() {
        return DomusUi.requireSubject();
    }
}
