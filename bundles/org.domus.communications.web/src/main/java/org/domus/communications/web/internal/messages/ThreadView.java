package org.domus.communications.web.internal.messages;

import com.vaadin.flow.component.AttachEvent;
import com.vaadin.flow.component.DetachEvent;
import com.vaadin.flow.component.UI;
import com.vaadin.flow.component.UIDetachedException;
import com.vaadin.flow.component.button.Button;
import com.vaadin.flow.component.button.ButtonVariant;
import com.vaadin.flow.component.html.Anchor;
import com.vaadin.flow.component.html.Div;
import com.vaadin.flow.component.html.H2;
import com.vaadin.flow.component.html.Paragraph;
import com.vaadin.flow.component.html.Span;
import com.vaadin.flow.component.orderedlayout.FlexComponent;
import com.vaadin.flow.component.orderedlayout.HorizontalLayout;
import com.vaadin.flow.component.orderedlayout.VerticalLayout;
import com.vaadin.flow.component.select.Select;
import com.vaadin.flow.component.textfield.TextArea;
import com.vaadin.flow.router.BeforeEvent;
import com.vaadin.flow.router.HasDynamicTitle;
import com.vaadin.flow.router.HasUrlParameter;
import com.vaadin.flow.router.RouterLink;
import com.vaadin.flow.server.StreamResource;
import com.vaadin.flow.shared.Registration;
import java.io.ByteArrayInputStream;
import java.time.ZoneId;
import java.util.List;
import java.util.Objects;
import org.domus.communications.Message;
import org.domus.communications.MessageAssignee;
import org.domus.communications.MessageAttachment;
import org.domus.communications.MessageService;
import org.domus.communications.MessageThread;
import org.domus.communications.MessageThreadDetail;
import org.domus.communications.MessageThreadState;
import org.domus.core.DomusException;
import org.domus.core.Subject;
import org.domus.web.DomusUi;

/**
 * One thread, chat-like: the messages as bubbles (author, time, text, files), a reply box with files; for the office
 * the assignment and close/reopen, for the resident close. An open page shows the other side's new messages without
 * a reload: the {@link ThreadBroadcaster} pushes this node's events into the page, and a light check every
 * {@value #CHECK_MILLIS} ms catches messages written on other nodes.
 */
public class ThreadView extends VerticalLayout implements HasUrlParameter<Long>, HasDynamicTitle {

    private static final long serialVersionUID = 1L;

    /** The fallback check's interval (messages posted on another node of a cluster). */
    static final int CHECK_MILLIS = 20_000;

    private final transient MessageService messages;
    private final transient ThreadBroadcaster broadcaster;
    private final Div header = new Div();
    private final Div bubbles = new Div();
    private final VerticalLayout replyBox = new VerticalLayout();
    private final TextArea replyText = new TextArea();
    private FileList replyFiles;
    private Subject me;
    private long threadId;
    private MessageThread thread;
    private long lastShown;
    private ZoneId zone;
    private transient ThreadBroadcaster.Registration listening;
    private Registration polling;

    public ThreadView(MessageService messages, ThreadBroadcaster broadcaster) {
        this.messages = messages;
        this.broadcaster = broadcaster;
        addClassName("domus-page");
        header.setWidthFull();
        bubbles.setId("comm-thread-messages");
        bubbles.setWidthFull();
        bubbles.getStyle()
                .set("display", "flex")
                .set("flex-direction", "column")
                .set("gap", "var(--lumo-space-s)");
    }

    @Override
    public void setParameter(BeforeEvent event, Long id) {
        me = DomusUi.requireSubject();
        threadId = id == null ? 0 : id;
        MessageThreadDetail detail;
        try {
            detail = messages.read(me, threadId);
        } catch (DomusException e) {
            if (!DomusUi.showRefusal(event, e)) {
                removeAll();
                add(
                        new H2(getTranslation("communications.messages.ui.thread.title")),
                        new Paragraph(
                                DomusUi.translate(e.messageKey(), e.arguments().toArray())));
            }
            return;
        }
        thread = detail.thread();
        zone = messages.zone(thread.organisationId());
        lastShown = 0;
        removeAll();
        bubbles.removeAll();
        RouterLink back = new RouterLink();
        back.setText(getTranslation(
                resident()
                        ? "communications.messages.ui.thread.backMine"
                        : "communications.messages.ui.thread.backInbox"));
        back.setRoute(resident() ? MessagesView.class : InboxView.class);
        back.setId("comm-thread-back");
        buildReplyBox();
        add(back, header, bubbles, replyBox);
        renderHeader();
        append(detail.messages());
        listen();
    }

    private boolean resident() {
        return thread != null && thread.residentAccountId() == me.accountId();
    }

    // ---- live update -------------------------------------------------------------------------------------------

    @Override
    protected void onAttach(AttachEvent event) {
        super.onAttach(event);
        listen();
        UI ui = event.getUI();
        ui.setPollInterval(CHECK_MILLIS);
        polling = ui.addPollListener(e -> check());
    }

    @Override
    protected void onDetach(DetachEvent event) {
        stopListening();
        if (polling != null) {
            polling.remove();
            polling = null;
        }
        event.getUI().setPollInterval(-1);
        super.onDetach(event);
    }

    /** (Re)registers with the broadcaster for the shown thread, once attached. */
    private void listen() {
        stopListening();
        UI ui = getUI().orElse(null);
        if (ui == null || thread == null) {
            return;
        }
        long id = threadId;
        listening = broadcaster.register(id, (changed, posted) -> {
            try {
                ui.access(() -> {
                    if (changed == threadId) {
                        update();
                    }
                });
            } catch (UIDetachedException e) {
                // the page went away between the event and the push: nothing to show
            }
        });
    }

    private void stopListening() {
        if (listening != null) {
            listening.close();
            listening = null;
        }
    }

    /** The periodic check: only when a message arrived that the page does not show. */
    private void check() {
        if (thread == null) {
            return;
        }
        try {
            List<Message> news = messages.messagesAfter(me, threadId, lastShown);
            if (!news.isEmpty()) {
                append(news);
                update();
            }
        } catch (DomusException e) {
            // the thread is no longer visible to the viewer: keep what is shown
        }
    }

    /** Reads the thread again: new messages are added, the header follows its state and assignment. */
    void update() {
        try {
            MessageThreadDetail detail = messages.read(me, threadId);
            thread = detail.thread();
            append(detail.messages().stream().filter(m -> m.id() > lastShown).toList());
            renderHeader();
        } catch (DomusException e) {
            DomusUi.showError(e);
        }
    }

    // ---- rendering ------------------------------------------------------------------------------------------

    private void renderHeader() {
        header.removeAll();
        H2 title = new H2(thread.subject());
        title.setId("comm-thread-title");
        Span state = MessageTexts.stateBadge(thread.state());
        state.setId("comm-thread-state");
        Span about = new Span(getTranslation(
                        "communications.messages.ui.topic." + thread.topic().name()) + " · " + thread.unitLabel()
                + (resident() ? "" : " · " + thread.residentName()));
        HorizontalLayout line = new HorizontalLayout(state, about);
        line.setDefaultVerticalComponentAlignment(FlexComponent.Alignment.BASELINE);
        line.getStyle().set("flex-wrap", "wrap");
        boolean closed = thread.state() == MessageThreadState.CLOSED;
        List<MessageAssignee> colleagues = resident() ? List.of() : assignees();
        boolean office = colleagues != null && !resident();
        if (office) {
            Select<MessageAssignee> assignee = new Select<>();
            assignee.setId("comm-thread-assignee");
            assignee.setLabel(getTranslation("communications.messages.ui.column.assignee"));
            assignee.setItems(colleagues);
            assignee.setEmptySelectionAllowed(true);
            assignee.setEmptySelectionCaption(getTranslation("communications.messages.ui.thread.unassigned"));
            assignee.setItemLabelGenerator(
                    a -> a == null ? getTranslation("communications.messages.ui.thread.unassigned") : a.displayName());
            colleagues.stream()
                    .filter(a -> Objects.equals(a.accountId(), thread.assigneeAccountId()))
                    .findFirst()
                    .ifPresent(assignee::setValue);
            assignee.addValueChangeListener(e -> {
                if (!e.isFromClient()) {
                    return;
                }
                try {
                    thread = messages.assign(
                            me,
                            threadId,
                            e.getValue() == null ? null : e.getValue().accountId());
                    DomusUi.showSuccess("communications.messages.ui.thread.assigned");
                } catch (DomusException ex) {
                    DomusUi.showError(ex);
                }
                update();
            });
            line.add(assignee);
        } else if (thread.assigneeName() != null && !resident()) {
            line.add(new Span(
                    getTranslation("communications.messages.ui.column.assignee") + ": " + thread.assigneeName()));
        }
        if (!closed && (resident() || office)) {
            Button close = new Button(
                    getTranslation("communications.messages.ui.thread.close"),
                    e -> act(() -> messages.close(me, threadId)));
            close.setId("comm-thread-close");
            line.add(close);
        }
        if (closed && office) {
            Button reopen = new Button(
                    getTranslation("communications.messages.ui.thread.reopen"),
                    e -> act(() -> messages.reopen(me, threadId)));
            reopen.setId("comm-thread-reopen");
            line.add(reopen);
        }
        header.add(title, line);
        replyBox.setVisible(!closed && (resident() || office));
    }

    /** The colleagues for the assignment, or null when the viewer does not answer here (reads only). */
    private List<MessageAssignee> assignees() {
        try {
            return messages.assignees(me, threadId);
        } catch (DomusException e) {
            return null;
        }
    }

    private void act(Runnable change) {
        try {
            change.run();
        } catch (DomusException e) {
            DomusUi.showError(e);
        }
        update();
    }

    private void append(List<Message> list) {
        for (Message m : list) {
            if (m.id() <= lastShown) {
                continue;
            }
            bubbles.add(bubble(m));
            lastShown = m.id();
        }
    }

    private Div bubble(Message m) {
        boolean own = m.authorAccountId() == me.accountId();
        Div bubble = new Div();
        bubble.setId("comm-message-" + m.id());
        bubble.addClassName("comm-message");
        bubble.addClassName(m.fromOffice() ? "comm-message-office" : "comm-message-resident");
        bubble.getStyle()
                .set("max-width", "min(36em, 85%)")
                .set("align-self", own ? "flex-end" : "flex-start")
                .set("padding", "var(--lumo-space-s) var(--lumo-space-m)")
                .set("border-radius", "var(--lumo-border-radius-l)")
                .set("background", own ? "var(--lumo-primary-color-10pct)" : "var(--lumo-contrast-5pct)");
        Span author = new Span(m.authorName()
                + (m.fromOffice() ? " (" + getTranslation("communications.messages.ui.thread.office") + ")" : ""));
        author.getStyle().set("font-weight", "600").set("margin-right", "var(--lumo-space-s)");
        Span time = new Span(MessageTexts.time(m.createdAt(), zone, getLocale()));
        time.getStyle().set("color", "var(--lumo-secondary-text-color)").set("font-size", "var(--lumo-font-size-s)");
        Div meta = new Div(author, time);
        Paragraph text = new Paragraph(m.text());
        text.addClassName("comm-message-text");
        text.getStyle().set("white-space", "pre-wrap").set("margin", "var(--lumo-space-xs) 0");
        bubble.add(meta, text);
        for (MessageAttachment a : m.attachments()) {
            bubble.add(new Div(download(a)));
        }
        return bubble;
    }

    private Anchor download(MessageAttachment a) {
        long id = threadId;
        Subject viewer = me;
        MessageService service = messages;
        StreamResource resource = new StreamResource(
                        a.name(),
                        () -> new ByteArrayInputStream(
                                service.attachment(viewer, id, a.id()).data()))
                .setContentType(a.mediaType());
        Anchor link = new Anchor(resource, a.name() + " (" + Math.max(1, a.size() / 1024) + " kB)");
        link.setId("comm-attachment-" + a.id());
        link.getElement().setAttribute("download", true);
        return link;
    }

    private void buildReplyBox() {
        replyBox.removeAll();
        replyBox.setPadding(false);
        replyText.setId("comm-reply-text");
        replyText.setLabel(getTranslation("communications.messages.ui.thread.reply"));
        replyText.setMaxLength(MessageService.MAX_TEXT);
        replyText.setWidthFull();
        replyText.setMinHeight("5em");
        replyFiles = new FileList("comm-reply-files", messages);
        Button send = new Button(getTranslation("communications.messages.ui.thread.send"), e -> send());
        send.setId("comm-reply-send");
        send.addThemeVariants(ButtonVariant.LUMO_PRIMARY);
        replyBox.add(replyText, replyFiles, send);
    }

    private void send() {
        try {
            messages.reply(me, threadId, replyText.getValue(), replyFiles.files());
            replyText.clear();
            replyFiles.clear();
        } catch (DomusException e) {
            DomusUi.showError(e);
            return;
        }
        update();
    }

    @Override
    public String getPageTitle() {
        return thread == null ? getTranslation("communications.messages.ui.thread.title") : thread.subject();
    }
}
