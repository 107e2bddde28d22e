package org.domus.communications.web.internal.messages;

import com.vaadin.flow.component.checkbox.Checkbox;
import com.vaadin.flow.component.grid.Grid;
import com.vaadin.flow.component.html.H2;
import com.vaadin.flow.component.html.Paragraph;
import com.vaadin.flow.component.orderedlayout.FlexComponent;
import com.vaadin.flow.component.orderedlayout.HorizontalLayout;
import com.vaadin.flow.component.orderedlayout.VerticalLayout;
import com.vaadin.flow.component.select.Select;
import com.vaadin.flow.router.HasDynamicTitle;
import java.time.ZoneId;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.domus.communications.MessageService;
import org.domus.communications.MessageThread;
import org.domus.communications.MessageThreadQuery;
import org.domus.communications.MessageThreadState;
import org.domus.communications.MessageTopic;
import org.domus.communications.UnreadMessages;
import org.domus.core.DomusException;
import org.domus.core.Subject;
import org.domus.web.DomusUi;

/**
 * The office's inbox: residents' threads in the viewer's scope, the latest activity first, with filters (state,
 * topic, assigned to me, unassigned) and the viewer's unread counts.
 */
public class InboxView extends VerticalLayout implements HasDynamicTitle {

    private static final long serialVersionUID = 1L;

    private final transient MessageService messages;
    private final Subject me;
    final Select<MessageThreadState> state = new Select<>();
    final Select<MessageTopic> topic = new Select<>();
    final Checkbox mine = new Checkbox();
    final Checkbox unassigned = new Checkbox();
    private final Grid<MessageThread> grid = new Grid<>();
    private final Paragraph summary = new Paragraph();
    private final Map<Long, ZoneId> zones = new HashMap<>();

    public InboxView(MessageService messages) {
        this.messages = messages;
        this.me = DomusUi.requireSubject();
        addClassName("domus-page");
        add(new H2(getTranslation("communications.messages.ui.inbox.title")));

        state.setId("comm-inbox-state");
        state.setLabel(getTranslation("communications.messages.ui.column.state"));
        state.setItems(MessageThreadState.values());
        state.setEmptySelectionAllowed(true);
        state.setEmptySelectionCaption(getTranslation("communications.messages.ui.inbox.all"));
        state.setItemLabelGenerator(
                s -> s == null ? getTranslation("communications.messages.ui.inbox.all") : MessageTexts.state(s));
        topic.setId("comm-inbox-topic");
        topic.setLabel(getTranslation("communications.messages.ui.column.topic"));
        topic.setItems(MessageTopic.values());
        topic.setEmptySelectionAllowed(true);
        topic.setEmptySelectionCaption(getTranslation("communications.messages.ui.inbox.all"));
        topic.setItemLabelGenerator(t -> t == null
                ? getTranslation("communications.messages.ui.inbox.all")
                : getTranslation("communications.messages.ui.topic." + t.name()));
        mine.setId("comm-inbox-mine");
        mine.setLabel(getTranslation("communications.messages.ui.inbox.mine"));
        unassigned.setId("comm-inbox-unassigned");
        unassigned.setLabel(getTranslation("communications.messages.ui.inbox.unassigned"));
        HorizontalLayout filters = new HorizontalLayout(state, topic, mine, unassigned);
        filters.setDefaultVerticalComponentAlignment(FlexComponent.Alignment.BASELINE);
        filters.getStyle().set("flex-wrap", "wrap");
        state.addValueChangeListener(e -> refresh());
        topic.addValueChangeListener(e -> refresh());
        mine.addValueChangeListener(e -> refresh());
        unassigned.addValueChangeListener(e -> refresh());

        grid.setId("comm-inbox-grid");
        grid.addComponentColumn(MessageTexts::link)
                .setHeader(getTranslation("communications.messages.ui.column.subject"))
                .setFlexGrow(3);
        grid.addComponentColumn(MessageTexts::unreadBadge)
                .setHeader(getTranslation("communications.messages.ui.column.unread"))
                .setAutoWidth(true)
                .setFlexGrow(0);
        grid.addColumn(MessageThread::residentName)
                .setHeader(getTranslation("communications.messages.ui.column.resident"));
        grid.addColumn(MessageThread::unitLabel).setHeader(getTranslation("communications.messages.ui.column.unit"));
        grid.addColumn(t -> getTranslation(
                        "communications.messages.ui.topic." + t.topic().name()))
                .setHeader(getTranslation("communications.messages.ui.column.topic"));
        grid.addComponentColumn(t -> MessageTexts.stateBadge(t.state()))
                .setHeader(getTranslation("communications.messages.ui.column.state"));
        grid.addColumn(t -> t.assigneeName() == null
                        ? getTranslation("communications.messages.ui.thread.unassigned")
                        : t.assigneeName())
                .setHeader(getTranslation("communications.messages.ui.column.assignee"));
        grid.addColumn(t -> MessageTexts.time(t.lastMessageAt(), zone(t), getLocale()))
                .setHeader(getTranslation("communications.messages.ui.column.last"));
        summary.setId("comm-inbox-summary");
        add(filters, summary, grid);
        refresh();
    }

    private ZoneId zone(MessageThread t) {
        return zones.computeIfAbsent(t.organisationId(), messages::zone);
    }

    void refresh() {
        try {
            MessageThreadQuery q = new MessageThreadQuery(
                    state.getValue() == null ? Set.of() : Set.of(state.getValue()),
                    topic.getValue(),
                    mine.getValue(),
                    unassigned.getValue(),
                    null,
                    0,
                    MessageService.MAX_PAGE);
            List<MessageThread> threads = messages.inbox(me, q).items();
            grid.setItems(threads);
            UnreadMessages unread = messages.unread(me);
            summary.setText(getTranslation(
                    "communications.messages.ui.inbox.summary", threads.size(), unread.threads(), unread.messages()));
        } catch (DomusException e) {
            DomusUi.showError(e);
        }
    }

    @Override
    public String getPageTitle() {
        return getTranslation("communications.messages.ui.inbox.title");
    }
}
