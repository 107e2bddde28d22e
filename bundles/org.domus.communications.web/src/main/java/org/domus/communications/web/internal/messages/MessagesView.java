package org.domus.communications.web.internal.messages;

import com.vaadin.flow.component.button.Button;
import com.vaadin.flow.component.button.ButtonVariant;
import com.vaadin.flow.component.grid.Grid;
import com.vaadin.flow.component.html.H2;
import com.vaadin.flow.component.html.Paragraph;
import com.vaadin.flow.component.icon.VaadinIcon;
import com.vaadin.flow.component.orderedlayout.VerticalLayout;
import com.vaadin.flow.router.HasDynamicTitle;
import java.time.ZoneId;
import java.util.List;
import org.domus.communications.MessageService;
import org.domus.communications.MessageThread;
import org.domus.core.DomusException;
import org.domus.core.Subject;
import org.domus.core.registry.Holding;
import org.domus.core.registry.RegistryService;
import org.domus.web.DomusUi;

/**
 * "Messages" of the signed-in resident: their own threads with the office (the latest activity first, unread
 * counts) and "New message" for one of their units.
 */
public class MessagesView extends VerticalLayout implements HasDynamicTitle {

    private static final long serialVersionUID = 1L;

    private final transient MessageService messages;

    public MessagesView(MessageService messages, RegistryService registry) {
        this.messages = messages;
        addClassName("domus-page");
        add(new H2(getTranslation("communications.messages.ui.mine.title")));
        Subject me = DomusUi.requireSubject();
        List<Holding> units = registry.myUnits(me);
        if (!units.isEmpty()) {
            Button write = new Button(
                    getTranslation("communications.messages.ui.mine.new"),
                    VaadinIcon.PLUS.create(),
                    e -> new NewThreadDialog(messages, units, me).open());
            write.setId("comm-messages-new");
            write.addThemeVariants(ButtonVariant.LUMO_PRIMARY);
            add(write);
        }
        List<MessageThread> threads;
        try {
            threads = messages.mine(me, 0, MessageService.MAX_PAGE).items();
        } catch (DomusException e) {
            DomusUi.showError(e);
            return;
        }
        if (threads.isEmpty()) {
            Paragraph none = new Paragraph(getTranslation("communications.messages.ui.mine.none"));
            none.setId("comm-messages-none");
            add(none);
            return;
        }
        add(grid(threads));
    }

    private Grid<MessageThread> grid(List<MessageThread> threads) {
        ZoneId zone = messages.zone(threads.get(0).organisationId());
        Grid<MessageThread> grid = new Grid<>();
        grid.setId("comm-messages-grid");
        grid.addComponentColumn(MessageTexts::link)
                .setHeader(getTranslation("communications.messages.ui.column.subject"))
                .setFlexGrow(3);
        grid.addComponentColumn(MessageTexts::unreadBadge)
                .setHeader(getTranslation("communications.messages.ui.column.unread"))
                .setAutoWidth(true)
                .setFlexGrow(0);
        grid.addColumn(t -> getTranslation(
                        "communications.messages.ui.topic." + t.topic().name()))
                .setHeader(getTranslation("communications.messages.ui.column.topic"));
        grid.addColumn(MessageThread::unitLabel).setHeader(getTranslation("communications.messages.ui.column.unit"));
        grid.addComponentColumn(t -> MessageTexts.stateBadge(t.state()))
                .setHeader(getTranslation("communications.messages.ui.column.state"));
        grid.addColumn(t -> MessageTexts.time(t.lastMessageAt(), zone, getLocale()))
                .setHeader(getTranslation("communications.messages.ui.column.last"));
        grid.setItems(threads);
        grid.setAllRowsVisible(true);
        return grid;
    }

    @Override
    public String getPageTitle() {
        return getTranslation("communications.messages.ui.mine.title");
    }
}
