package org.domus.communications.internal.messages;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.charset.StandardCharsets;
import java.util.Collections;
import java.util.List;
import java.util.Set;
import org.domus.communications.CommunicationsEvents;
import org.domus.communications.Message;
import org.domus.communications.MessageAssignee;
import org.domus.communications.MessageEvents;
import org.domus.communications.MessageFile;
import org.domus.communications.MessageThread;
import org.domus.communications.MessageThreadDetail;
import org.domus.communications.MessageThreadQuery;
import org.domus.communications.MessageThreadState;
import org.domus.communications.MessageTopic;
import org.domus.communications.NewMessageThread;
import org.domus.communications.UnreadMessages;
import org.domus.core.DomusException;
import org.domus.core.DomusException.Kind;
import org.domus.core.Role;
import org.domus.core.Subject;
import org.domus.core.access.ScopeType;
import org.domus.core.registry.Building;
import org.domus.core.registry.Estate;
import org.domus.core.registry.Organisation;
import org.domus.core.registry.Unit;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.osgi.service.event.Event;

class MessageServiceTest {

    private MessagesDatabase db;
    private MessageServiceImpl messages;
    private Unit a1;
    private Unit b1;
    private Subject jana;
    private Subject coHolder;
    private Subject petr;
    private Subject manager;
    private Subject accountant;
    private Subject board;
    private Subject managerOfB;

    @BeforeEach
    void setUp() {
        db = new MessagesDatabase();
        messages = db.messages;
        Organisation org = db.organisation("CZ");
        Estate estate = db.estate(org.id(), "North");
        Building a = db.building(estate.id(), "Lipová", "1");
        Building b = db.building(estate.id(), "Lipová", "3");
        a1 = db.unit(a.id(), "A1");
        b1 = db.unit(b.id(), "B1");
        jana = db.resident("jana", org.id(), a1);
        coHolder = db.resident("karel", org.id(), a1);
        petr = db.resident("petr", org.id(), b1);
        manager = db.staff("manager", Role.MANAGER, ScopeType.BUILDING, a.id());
        accountant = db.staff("accountant", Role.ACCOUNTANT, ScopeType.ESTATE, estate.id());
        board = db.staff("board", Role.BOARD, ScopeType.ORGANISATION, org.id());
        managerOfB = db.staff("managerb", Role.MANAGER, ScopeType.BUILDING, b.id());
    }

    @AfterEach
    void tearDown() {
        db.close();
    }

    private MessageThreadDetail open(Subject who, Unit unit, String text, MessageFile... files) {
        return messages.open(
                who, new NewMessageThread(unit.id(), MessageTopic.LEDGER, "Advance", text, List.of(files)));
    }

    private static void assertRefused(Kind kind, String key, Runnable call) {
        DomusException e = assertThrows(DomusException.class, call::run);
        assertEquals(kind, e.kind(), e.messageKey());
        if (key != null) {
            assertEquals(key, e.messageKey());
        }
    }

    @Test
    void theStateFollowsWhoWroteLastAndEventsNameTheOtherParty() {
        MessageThreadDetail opened = open(jana, a1, "Why did my advance go up?");
        MessageThread t = opened.thread();
        assertEquals(MessageThreadState.OPEN, t.state());
        assertEquals(a1.id(), t.unitId());
        assertEquals(a1.buildingId(), t.buildingId());
        assertEquals(jana.accountId(), t.residentAccountId());
        assertTrue(t.unitLabel().startsWith("A1, Lipová 1"));

        messages.reply(jana, t.id(), "And since when?", List.of());
        assertEquals(
                MessageThreadState.OPEN, messages.read(jana, t.id()).thread().state());
        Message answer = messages.reply(manager, t.id(), "Since January: heating costs rose.", List.of());
        assertTrue(answer.fromOffice());
        assertEquals(
                MessageThreadState.ANSWERED,
                messages.read(jana, t.id()).thread().state());
        messages.reply(jana, t.id(), "Thank you.", List.of());
        MessageThreadDetail detail = messages.read(manager, t.id());
        assertEquals(MessageThreadState.WAITING, detail.thread().state());
        assertEquals(4, detail.messages().size());
        assertEquals(
                List.of(false, false, true, false),
                detail.messages().stream().map(Message::fromOffice).toList());

        List<Event> posted = db.messages.events().sent().stream()
                .filter(e -> e.getTopic().equals(CommunicationsEvents.MESSAGE_POSTED))
                .toList();
        assertEquals(4, posted.size());
        Event office = posted.get(2);
        assertEquals(answer.id(), office.getProperty(CommunicationsEvents.MESSAGE_ID));
        assertArrayEquals(
                new long[] {jana.accountId()}, (long[]) office.getProperty(MessageEvents.RECIPIENT_ACCOUNT_IDS));
        assertEquals(a1.id(), office.getProperty(MessageEvents.UNIT_ID));
        assertEquals("LEDGER", office.getProperty(MessageEvents.TOPIC));
        // unassigned: the resident's message reaches the office's inbox, nobody in particular
        assertArrayEquals(new long[0], (long[]) posted.get(3).getProperty(MessageEvents.RECIPIENT_ACCOUNT_IDS));

        messages.assign(manager, t.id(), accountant.accountId());
        Message again = messages.reply(jana, t.id(), "One more question.", List.of());
        assertArrayEquals(new long[] {accountant.accountId()}, (long[]) db.messages
                .events()
                .sent()
                .get(db.messages.events().sent().size() - 1)
                .getProperty(MessageEvents.RECIPIENT_ACCOUNT_IDS));
        var delivery = messages.delivery(again.id()).orElseThrow();
        assertEquals("One more question.", delivery.message().text());
        assertEquals(List.of(accountant.accountId()), delivery.recipientAccountIds());
        assertTrue(messages.delivery(9_999_999L).isEmpty());
    }

    @Test
    void anotherResidentAndTheUnitsCoHolderDoNotLearnThatTheThreadExists() {
        long id = open(jana, a1, "Private question").thread().id();
        assertRefused(Kind.NOT_FOUND, "communications.messages.thread.not-found", () -> messages.read(petr, id));
        assertRefused(Kind.NOT_FOUND, "communications.messages.thread.not-found", () -> messages.read(coHolder, id));
        assertRefused(
                Kind.NOT_FOUND,
                "communications.messages.thread.not-found",
                () -> messages.reply(petr, id, "Hi", List.of()));
        assertRefused(Kind.NOT_FOUND, null, () -> messages.close(petr, id));
        assertEquals(0, messages.mine(coHolder, 0, 50).total());
        assertEquals(1, messages.mine(jana, 0, 50).total());
        // and nobody writes about a unit they do not hold
        assertRefused(Kind.NOT_FOUND, "registry.unit.not-found", () -> open(petr, a1, "About my neighbour"));
        assertEquals(1, db.count("SELECT COUNT(*) FROM COMM_THREAD"));
    }

    @Test
    void staffOutsideTheBuildingAreRefusedAndTheirInboxLeavesTheThreadOut() {
        long id = open(jana, a1, "Question").thread().id();
        assertRefused(Kind.FORBIDDEN, "error.forbidden", () -> messages.read(managerOfB, id));
        assertRefused(Kind.FORBIDDEN, null, () -> messages.reply(managerOfB, id, "Hello", List.of()));
        assertRefused(Kind.FORBIDDEN, null, () -> messages.assign(managerOfB, id, managerOfB.accountId()));
        assertEquals(0, messages.inbox(managerOfB, MessageThreadQuery.all()).total());
        assertEquals(1, messages.inbox(manager, MessageThreadQuery.all()).total());
        assertEquals(1, messages.inbox(accountant, MessageThreadQuery.all()).total());
        // the board reads (communications.read) but does not answer
        assertEquals(1, messages.read(board, id).messages().size());
        assertRefused(Kind.FORBIDDEN, null, () -> messages.reply(board, id, "Hello", List.of()));
        assertRefused(Kind.FORBIDDEN, null, () -> messages.inbox(jana, MessageThreadQuery.all()));
        // staff do not open threads
        assertRefused(
                Kind.FORBIDDEN, "communications.messages.residents-only", () -> open(manager, a1, "From the office"));
    }

    @Test
    void onlyColleaguesHoldingMessagesInTheBuildingsScopeCanBeAssigned() {
        long id = open(jana, a1, "Question").thread().id();
        assertEquals(
                Set.of(manager.accountId(), accountant.accountId()),
                messages.assignees(manager, id).stream()
                        .map(MessageAssignee::accountId)
                        .collect(java.util.stream.Collectors.toSet()));
        assertRefused(
                Kind.INVALID,
                "communications.messages.assignee-invalid",
                () -> messages.assign(manager, id, managerOfB.accountId()));
        assertRefused(
                Kind.INVALID,
                "communications.messages.assignee-invalid",
                () -> messages.assign(manager, id, board.accountId()));
        assertRefused(
                Kind.INVALID,
                "communications.messages.assignee-invalid",
                () -> messages.assign(manager, id, jana.accountId()));
        assertRefused(Kind.FORBIDDEN, null, () -> messages.assign(jana, id, manager.accountId()));

        MessageThread assigned = messages.assign(manager, id, accountant.accountId());
        assertEquals(accountant.accountId(), assigned.assigneeAccountId());
        assertEquals("accountant", assigned.assigneeName());
        assertEquals(
                List.of(id),
                messages
                        .inbox(accountant, new MessageThreadQuery(Set.of(), null, true, false, null, 0, 50))
                        .items()
                        .stream()
                        .map(MessageThread::id)
                        .toList());
        assertEquals(
                0,
                messages.inbox(manager, new MessageThreadQuery(Set.of(), null, false, true, null, 0, 50))
                        .total());
        assertNull(messages.assign(manager, id, null).assigneeAccountId());
        assertEquals(
                1,
                messages.inbox(manager, new MessageThreadQuery(Set.of(), null, false, true, null, 0, 50))
                        .total());
        assertEquals(
                "ASSIGNED",
                db.messages
                        .events()
                        .sent()
                        .get(db.messages.events().sent().size() - 1)
                        .getProperty(MessageEvents.CHANGE));
    }

    @Test
    void unreadCountsFollowTheOtherSidesMessagesAndTheAssignment() {
        long id = open(jana, a1, "Question").thread().id();
        assertEquals(new UnreadMessages(0, 0), messages.unread(jana));
        assertEquals(new UnreadMessages(1, 1), messages.unread(manager));
        assertEquals(new UnreadMessages(1, 1), messages.unread(accountant));
        assertEquals(new UnreadMessages(0, 0), messages.unread(managerOfB));
        assertEquals(
                1,
                messages.inbox(manager, MessageThreadQuery.all()).items().get(0).unread());

        assertEquals(1, messages.read(manager, id).thread().unread());
        assertEquals(new UnreadMessages(0, 0), messages.unread(manager));
        messages.reply(manager, id, "Answer one", List.of());
        messages.reply(manager, id, "Answer two", List.of());
        assertEquals(new UnreadMessages(1, 2), messages.unread(jana));
        assertEquals(2, messages.mine(jana, 0, 50).items().get(0).unread());
        assertEquals(0, messages.unread(manager).messages(), "own side's replies are never unread");

        // assigned to the accountant: the manager no longer counts the resident's new messages
        messages.assign(manager, id, accountant.accountId());
        long last = messages.read(jana, id).thread().lastMessageId();
        assertEquals(new UnreadMessages(0, 0), messages.unread(jana));
        messages.reply(jana, id, "Follow-up", List.of());
        assertEquals(0, messages.unread(manager).messages());
        assertEquals(2, messages.unread(accountant).messages());
        List<Message> news = messages.messagesAfter(accountant, id, last);
        assertEquals(List.of("Follow-up"), news.stream().map(Message::text).toList());
        assertEquals(new UnreadMessages(0, 0), messages.unread(accountant));
    }

    @Test
    void theResidentClosesTheirThreadAndOnlyTheOfficeReopensIt() {
        long id = open(jana, a1, "Question").thread().id();
        messages.reply(manager, id, "Answer", List.of());
        assertEquals(MessageThreadState.CLOSED, messages.close(jana, id).state());
        assertRefused(
                Kind.CONFLICT, "communications.messages.closed", () -> messages.reply(jana, id, "More", List.of()));
        assertRefused(Kind.CONFLICT, "communications.messages.already-closed", () -> messages.close(manager, id));
        assertRefused(Kind.FORBIDDEN, null, () -> messages.reopen(jana, id));
        assertRefused(Kind.FORBIDDEN, null, () -> messages.reopen(board, id));
        assertEquals(MessageThreadState.ANSWERED, messages.reopen(manager, id).state());
        assertRefused(Kind.CONFLICT, "communications.messages.not-closed", () -> messages.reopen(manager, id));
        messages.reply(jana, id, "More", List.of());
        assertEquals(
                1,
                messages.inbox(
                                manager,
                                new MessageThreadQuery(
                                        Set.of(MessageThreadState.WAITING),
                                        MessageTopic.LEDGER,
                                        false,
                                        false,
                                        a1.buildingId(),
                                        0,
                                        50))
                        .total());
        assertEquals(
                0,
                messages.inbox(
                                manager,
                                new MessageThreadQuery(Set.of(), MessageTopic.REPAIR, false, false, null, 0, 50))
                        .total());
    }

    @Test
    void checkedFilesAreStoredAndServedOnlyToTheThreadsParties() {
        byte[] photo = MessagesDatabase.png(40, 30);
        MessageThreadDetail opened = open(jana, a1, "See the photo", new MessageFile("meter.png", photo));
        long id = opened.thread().id();
        var files = opened.messages().get(0).attachments();
        assertEquals(1, files.size());
        assertEquals("image/png", files.get(0).mediaType());
        long fileId = files.get(0).id();
        var forOffice = messages.attachment(manager, id, fileId);
        assertEquals("meter.png", forOffice.attachment().name());
        assertTrue(forOffice.data().length > 0);
        assertEquals(
                forOffice.data().length, messages.attachment(jana, id, fileId).data().length);
        assertRefused(Kind.NOT_FOUND, null, () -> messages.attachment(petr, id, fileId));
        assertRefused(Kind.FORBIDDEN, null, () -> messages.attachment(managerOfB, id, fileId));
        long other = open(petr, b1, "Mine").thread().id();
        assertRefused(
                Kind.NOT_FOUND,
                "communications.messages.attachment.not-found",
                () -> messages.attachment(petr, other, fileId));
        Message reply =
                messages.reply(manager, id, "Thanks, see the form", List.of(new MessageFile("form.png", photo)));
        assertEquals(1, reply.attachments().size());
        assertEquals(2, db.count("SELECT COUNT(*) FROM COMM_MESSAGE_ATTACHMENT_DATA"));
    }

    @Test
    void aRefusedFileRefusesTheWholeMessageAndStoresNothing() {
        byte[] notPdf = "#!/bin/sh\nrm -rf /\n".getBytes(StandardCharsets.UTF_8);
        byte[] photo = MessagesDatabase.png(10, 10);
        assertRefused(
                Kind.INVALID,
                null,
                () -> open(
                        jana, a1, "Two files", new MessageFile("ok.png", photo), new MessageFile("bill.pdf", notPdf)));
        assertEquals(0, db.count("SELECT COUNT(*) FROM COMM_THREAD"));
        assertEquals(0, db.count("SELECT COUNT(*) FROM COMM_MESSAGE_ATTACHMENT"));

        MessageFile[] six =
                Collections.nCopies(6, new MessageFile("p.png", photo)).toArray(MessageFile[]::new);
        assertRefused(Kind.INVALID, "communications.messages.attachment.too-many", () -> open(jana, a1, "Six", six));

        long id = open(jana, a1, "Fine").thread().id();
        assertRefused(
                Kind.INVALID,
                null,
                () -> messages.reply(manager, id, "Bad file", List.of(new MessageFile("x.pdf", notPdf))));
        assertEquals(1, db.count("SELECT COUNT(*) FROM COMM_MESSAGE"));
        assertEquals(MessageThreadState.OPEN, messages.read(jana, id).thread().state());

        MessagesDatabase small = new MessagesDatabase(new MessagesSettings(100, 5));
        try {
            assertRefused(Kind.INVALID, null, () -> small.messages.check("p.png", MessagesDatabase.png(200, 200)));
        } finally {
            small.close();
        }
    }

    @Test
    void badTextsAreRefusedBeforeAnythingIsStored() {
        assertRefused(
                Kind.INVALID,
                "communications.messages.subject-invalid",
                () -> messages.open(
                        jana, new NewMessageThread(a1.id(), MessageTopic.OTHER, "x".repeat(201), "Text", List.of())));
        assertRefused(
                Kind.INVALID,
                "communications.messages.text-invalid",
                () -> messages.open(
                        jana, new NewMessageThread(a1.id(), MessageTopic.OTHER, "Subject", " ", List.of())));
        assertRefused(
                Kind.INVALID,
                "communications.messages.text-invalid",
                () -> messages.open(
                        jana,
                        new NewMessageThread(a1.id(), MessageTopic.OTHER, "Subject", "x".repeat(10_001), List.of())));
        assertRefused(
                Kind.INVALID,
                "communications.messages.topic-required",
                () -> messages.open(jana, new NewMessageThread(a1.id(), null, "Subject", "Text", List.of())));
        assertRefused(
                Kind.INVALID,
                "communications.messages.unit-required",
                () -> messages.open(
                        jana, new NewMessageThread(null, MessageTopic.OTHER, "Subject", "Text", List.of())));
        assertEquals(0, db.count("SELECT COUNT(*) FROM COMM_THREAD"));
        MessageThread ok = messages.open(
                        jana,
                        new NewMessageThread(a1.id(), MessageTopic.OTHER, "Subject", "x".repeat(10_000), List.of()))
                .thread();
        assertRefused(
                Kind.INVALID,
                "communications.messages.text-invalid",
                () -> messages.reply(jana, ok.id(), "", List.of()));
        assertFalse(messages.read(jana, ok.id()).messages().isEmpty());
    }
}
