package org.domus.communications.internal.messages;

import java.io.ByteArrayInputStream;
import java.time.Clock;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.function.Consumer;
import java.util.stream.Collectors;
import javax.persistence.EntityManager;
import javax.persistence.LockModeType;
import javax.persistence.TypedQuery;
import org.apache.aries.jpa.template.JpaTemplate;
import org.apache.aries.jpa.template.TransactionType;
import org.domus.communications.CommunicationsPermissions;
import org.domus.communications.Message;
import org.domus.communications.MessageAssignee;
import org.domus.communications.MessageAttachment;
import org.domus.communications.MessageAttachmentContent;
import org.domus.communications.MessageDelivery;
import org.domus.communications.MessageFile;
import org.domus.communications.MessageService;
import org.domus.communications.MessageThread;
import org.domus.communications.MessageThreadDetail;
import org.domus.communications.MessageThreadQuery;
import org.domus.communications.MessageThreadState;
import org.domus.communications.NewMessageThread;
import org.domus.communications.UnreadMessages;
import org.domus.core.DomusException;
import org.domus.core.DomusException.Kind;
import org.domus.core.Role;
import org.domus.core.Subject;
import org.domus.core.access.AccessPolicy;
import org.domus.core.access.RegistryLocation;
import org.domus.core.access.RegistryScope;
import org.domus.core.account.AccountService;
import org.domus.core.account.AccountStatus;
import org.domus.core.calendar.Zones;
import org.domus.core.registry.Building;
import org.domus.core.registry.Page;
import org.domus.core.registry.RegistryService;
import org.domus.core.registry.Unit;
import org.domus.core.upload.InspectedUpload;
import org.domus.core.upload.UploadInspector;
import org.domus.core.upload.UploadPolicy;
import org.domus.persistence.MigratedSchema;
import org.osgi.service.component.annotations.Activate;
import org.osgi.service.component.annotations.Component;
import org.osgi.service.component.annotations.Modified;
import org.osgi.service.component.annotations.Reference;
import org.osgi.service.component.annotations.ReferenceCardinality;
import org.osgi.service.component.annotations.ReferencePolicy;
import org.osgi.service.event.Event;

/**
 * Message threads over COMM_THREAD, COMM_MESSAGE, COMM_MESSAGE_ATTACHMENT(_DATA) and COMM_THREAD_READ. Settings come
 * from the module's PID (shared with the module's other services, hence no designate of its own).
 */
@Component(
        service = {MessageService.class, MessageServiceImpl.class},
        configurationPid = MessagesSettings.PID)
public class MessageServiceImpl implements MessageService {

    static final String UNIT_TARGET = "(osgi.unit.name=domus.communications)";
    static final String SCHEMA_TARGET = "(" + MigratedSchema.PROPERTY + "=org.domus.communications)";

    /** The module reading the registry on its own behalf (never for access decisions). */
    static final Subject SYSTEM = Subject.system("communications", "Communications");

    /** How a subject takes part in a thread. */
    enum Party {
        /** The resident who opened it. */
        RESIDENT,
        /** Staff holding MESSAGES in scope: answer, assign, close, reopen. */
        OFFICE,
        /** Staff holding only READ in scope. */
        READER
    }

    record Seen(ThreadEntity thread, Party party) {}

    private final JpaTemplate jpa;
    private final AccessPolicy policy;
    private final RegistryService registry;
    private final AccountService accounts;
    private final Clock clock;
    private final MessageEventPublisher events = new MessageEventPublisher();
    private volatile MessagesSettings settings;

    @Activate
    public MessageServiceImpl(
            @Reference(target = UNIT_TARGET) JpaTemplate jpa,
            @Reference(target = SCHEMA_TARGET) MigratedSchema schema,
            @Reference AccessPolicy policy,
            @Reference RegistryService registry,
            @Reference AccountService accounts,
            MessagesSettings.Config config) {
        this(jpa, policy, registry, accounts, Clock.systemUTC(), MessagesSettings.of(config));
    }

    private MessageServiceImpl(
            JpaTemplate jpa,
            AccessPolicy policy,
            RegistryService registry,
            AccountService accounts,
            Clock clock,
            MessagesSettings settings) {
        this.jpa = Objects.requireNonNull(jpa);
        this.policy = Objects.requireNonNull(policy);
        this.registry = Objects.requireNonNull(registry);
        this.accounts = Objects.requireNonNull(accounts);
        this.clock = Objects.requireNonNull(clock);
        this.settings = Objects.requireNonNull(settings);
    }

    /** For tests outside OSGi (a factory, so SCR sees one public constructor). */
    static MessageServiceImpl create(
            JpaTemplate jpa,
            AccessPolicy policy,
            RegistryService registry,
            AccountService accounts,
            Clock clock,
            MessagesSettings settings) {
        return new MessageServiceImpl(jpa, policy, registry, accounts, clock, settings);
    }

    @Modified
    void modified(MessagesSettings.Config config) {
        settings = MessagesSettings.of(config);
    }

    @Reference(cardinality = ReferenceCardinality.OPTIONAL, policy = ReferencePolicy.DYNAMIC)
    void setEventAdmin(org.osgi.service.event.EventAdmin eventAdmin) {
        events.set(eventAdmin);
    }

    void unsetEventAdmin(org.osgi.service.event.EventAdmin eventAdmin) {
        events.unset(eventAdmin);
    }

    MessageEventPublisher events() {
        return events;
    }

    /** Photos and PDF documents up to the configured size. */
    UploadPolicy uploadPolicy() {
        return UploadPolicy.photosAndPdf(settings.maxFileBytes());
    }

    @Override
    public int maxFilesPerMessage() {
        return settings.maxFilesPerMessage();
    }

    @Override
    public long maxFileBytes() {
        return settings.maxFileBytes();
    }

    @Override
    public void check(String name, byte[] content) {
        UploadInspector.inspect(
                name, new ByteArrayInputStream(content == null ? new byte[0] : content), uploadPolicy());
    }

    // ---- access ----------------------------------------------------------------------------------------------

    private static RegistryLocation location(ThreadEntity t) {
        return new RegistryLocation(t.organisationId, t.estateId, t.buildingId, t.unitId);
    }

    /** The thread and the subject's part in it; NOT_FOUND (FORBIDDEN to staff outside scope) otherwise. */
    Seen load(EntityManager em, Subject s, long threadId, boolean lock) {
        ThreadEntity t = em.find(ThreadEntity.class, threadId);
        if (t == null) {
            throw notFound();
        }
        Party party = partyOf(s, t);
        if (party == null) {
            if (isStaff(s)) {
                throw new DomusException(Kind.FORBIDDEN, "error.forbidden", CommunicationsPermissions.MESSAGES.name());
            }
            throw notFound();
        }
        if (lock) {
            em.lock(t, LockModeType.OPTIMISTIC_FORCE_INCREMENT);
        }
        return new Seen(t, party);
    }

    private Party partyOf(Subject s, ThreadEntity t) {
        if (s.accountId() > 0 && t.residentId == s.accountId()) {
            return Party.RESIDENT;
        }
        RegistryLocation at = location(t);
        if (policy.registryScope(s, CommunicationsPermissions.MESSAGES).covers(at)) {
            return Party.OFFICE;
        }
        if (policy.registryScope(s, CommunicationsPermissions.READ).covers(at)) {
            return Party.READER;
        }
        return null;
    }

    /** Whether the subject holds a staff grant of the module's permissions anywhere (decides 403 over 404). */
    private boolean isStaff(Subject s) {
        return s.roles().stream().anyMatch(Role::isStaff)
                && (!policy.registryScope(s, CommunicationsPermissions.READ).isEmpty()
                        || !policy.registryScope(s, CommunicationsPermissions.MESSAGES)
                                .isEmpty());
    }

    private static DomusException notFound() {
        return new DomusException(Kind.NOT_FOUND, "communications.messages.thread.not-found");
    }

    private static void requireOffice(Seen seen) {
        if (seen.party() != Party.OFFICE) {
            throw new DomusException(Kind.FORBIDDEN, "error.forbidden", CommunicationsPermissions.MESSAGES.name());
        }
    }

    // ---- input -----------------------------------------------------------------------------------------------

    /** Stripped, 1..max characters, no control characters other than line breaks and tabs. */
    static String text(String text, int max, String key) {
        String s = text == null ? "" : text.strip();
        if (s.isEmpty()
                || s.length() > max
                || s.chars().anyMatch(c -> c < 0x20 && c != '\n' && c != '\r' && c != '\t')) {
            throw new DomusException(Kind.INVALID, key, max);
        }
        return s;
    }

    private static String limit(String text, int max) {
        return text == null || text.length() <= max ? text : text.substring(0, max);
    }

    /** Every file checked by its content before anything is written; one refusal refuses the message. */
    private List<InspectedUpload> inspect(List<MessageFile> files) {
        List<MessageFile> all = files == null ? List.of() : files;
        if (all.size() > settings.maxFilesPerMessage()) {
            throw new DomusException(
                    Kind.INVALID, "communications.messages.attachment.too-many", settings.maxFilesPerMessage());
        }
        List<InspectedUpload> checked = new ArrayList<>();
        for (MessageFile f : all) {
            if (f == null) {
                throw new DomusException(Kind.INVALID, "communications.messages.attachment.missing");
            }
            checked.add(UploadInspector.inspect(f.name(), new ByteArrayInputStream(f.content()), uploadPolicy()));
        }
        return checked;
    }

    // ---- threads ---------------------------------------------------------------------------------------------

    @Override
    public MessageThreadDetail open(Subject subject, NewMessageThread input) {
        if (input == null) {
            throw new DomusException(Kind.INVALID, "communications.messages.unit-required");
        }
        if (input.unitId() == null) {
            throw new DomusException(Kind.INVALID, "communications.messages.unit-required");
        }
        if (input.topic() == null) {
            throw new DomusException(Kind.INVALID, "communications.messages.topic-required");
        }
        String subjectLine = text(input.subject(), MAX_SUBJECT, "communications.messages.subject-invalid");
        String body = text(input.text(), MAX_TEXT, "communications.messages.text-invalid");
        long unitId = input.unitId();
        // Access before the files: a stranger learns nothing from a refused file.
        if (subject.accountId() <= 0 || !policy.residentScope(subject).unitIds().contains(unitId)) {
            if (subject.roles().stream().anyMatch(Role::isStaff)) {
                throw new DomusException(Kind.FORBIDDEN, "communications.messages.residents-only");
            }
            throw new DomusException(Kind.NOT_FOUND, "registry.unit.not-found");
        }
        RegistryLocation at = policy.locate(null, unitId)
                .orElseThrow(() -> new DomusException(Kind.NOT_FOUND, "registry.unit.not-found"));
        List<InspectedUpload> files = inspect(input.files());
        Unit unit = registry.unit(SYSTEM, unitId);
        Building building = registry.building(SYSTEM, unit.buildingId());
        String label = limit(unit.number() + ", " + building.street() + " " + building.number(), 300);
        List<Event> posted = new ArrayList<>();
        MessageThreadDetail detail = jpa.txExpr(TransactionType.Required, em -> {
            Instant now = clock.instant();
            ThreadEntity t = new ThreadEntity();
            t.organisationId = at.organisationId();
            t.estateId = Objects.requireNonNull(at.estateId());
            t.buildingId = Objects.requireNonNull(at.buildingId());
            t.unitId = unitId;
            t.unitLabel = label;
            t.topic = input.topic().name();
            t.subject = subjectLine;
            t.state = MessageThreadState.OPEN.name();
            t.residentId = subject.accountId();
            t.residentName = limit(subject.displayName(), 200);
            t.createdAt = now;
            t.lastMessageAt = now;
            em.persist(t);
            em.flush();
            Message first = write(em, t, subject, false, body, files, posted);
            return new MessageThreadDetail(t.view(0), List.of(first));
        });
        events.post(posted);
        return detail;
    }

    /** Adds a message with its files to the thread and moves its state; in the caller's transaction. */
    private Message write(
            EntityManager em,
            ThreadEntity t,
            Subject author,
            boolean fromOffice,
            String body,
            List<InspectedUpload> files,
            List<Event> posted) {
        Instant now = clock.instant();
        MessageEntity m = new MessageEntity();
        m.threadId = t.id;
        m.authorId = author.accountId();
        m.authorName = limit(author.displayName(), 200);
        m.fromOffice = fromOffice;
        m.body = body;
        m.createdAt = now;
        em.persist(m);
        em.flush();
        List<MessageAttachment> attached = new ArrayList<>();
        for (InspectedUpload f : files) {
            MessageAttachmentEntity a = new MessageAttachmentEntity();
            a.messageId = m.id;
            a.threadId = t.id;
            a.name = limit(f.safeName(), 200);
            a.mediaType = f.type().mediaType();
            a.size = f.content().length;
            em.persist(a);
            em.flush();
            AttachmentData.write(em, a.id, f.content());
            attached.add(a.view());
        }
        t.lastMessageAt = now;
        t.lastMessageId = m.id;
        t.messageCount++;
        if (fromOffice) {
            t.officeWrote = true;
        }
        t.state = MessageThreadState.of(fromOffice, t.officeWrote).name();
        markRead(em, t.id, author, m.id);
        em.flush();
        posted.add(MessageEventPublisher.posted(t, m, author));
        return m.view(attached);
    }

    /** Who should hear of a message: the resident for an office message, else the assignee (or nobody). */
    static List<Long> recipients(ThreadEntity t, MessageEntity m) {
        if (m.fromOffice) {
            return List.of(t.residentId);
        }
        return t.assigneeId == null || t.assigneeId == m.authorId ? List.of() : List.of(t.assigneeId);
    }

    private void markRead(EntityManager em, long threadId, Subject reader, long lastMessageId) {
        if (reader.accountId() <= 0) {
            return;
        }
        ThreadReadEntity r = em.find(ThreadReadEntity.class, new ThreadReadEntity.Key(threadId, reader.accountId()));
        if (r == null) {
            r = new ThreadReadEntity();
            r.threadId = threadId;
            r.accountId = reader.accountId();
            r.lastMessageId = lastMessageId;
            r.readAt = clock.instant();
            em.persist(r);
        } else if (r.lastMessageId < lastMessageId) {
            r.lastMessageId = lastMessageId;
            r.readAt = clock.instant();
        }
    }

    @Override
    public Page<MessageThread> mine(Subject subject, int offset, int limit) {
        checkPage(offset, limit);
        if (subject.accountId() <= 0) {
            return new Page<>(List.of(), 0, offset, limit);
        }
        return jpa.txExpr(
                TransactionType.Required,
                em -> page(
                        em,
                        subject,
                        "t.residentId = :resident",
                        q -> q.setParameter("resident", subject.accountId()),
                        true,
                        offset,
                        limit));
    }

    @Override
    public Page<MessageThread> inbox(Subject subject, MessageThreadQuery query) {
        MessageThreadQuery q = query == null ? MessageThreadQuery.all() : query;
        checkPage(q.offset(), q.limit());
        RegistryScope read = policy.registryScope(subject, CommunicationsPermissions.READ);
        RegistryScope answer = policy.registryScope(subject, CommunicationsPermissions.MESSAGES);
        if (read.isEmpty() && answer.isEmpty()) {
            throw new DomusException(Kind.FORBIDDEN, "error.forbidden", CommunicationsPermissions.MESSAGES.name());
        }
        Map<String, Object> params = new HashMap<>();
        StringBuilder where =
                new StringBuilder("(" + scope(read, "r", params) + " OR " + scope(answer, "m", params) + ")");
        if (!q.states().isEmpty()) {
            where.append(" AND t.state IN :states");
            params.put("states", q.states().stream().map(Enum::name).toList());
        }
        if (q.topic() != null) {
            where.append(" AND t.topic = :topic");
            params.put("topic", q.topic().name());
        }
        if (q.assignedToMe()) {
            where.append(" AND t.assigneeId = :me");
            params.put("me", subject.accountId());
        }
        if (q.unassigned()) {
            where.append(" AND t.assigneeId IS NULL");
        }
        if (q.buildingId() != null) {
            where.append(" AND t.buildingId = :building");
            params.put("building", q.buildingId());
        }
        return jpa.txExpr(
                TransactionType.Required,
                em -> page(
                        em,
                        subject,
                        where.toString(),
                        tq -> params.forEach(tq::setParameter),
                        false,
                        q.offset(),
                        q.limit()));
    }

    /** A JPQL condition on {@code t} for the scope (parameters named with the prefix). */
    static String scope(RegistryScope scope, String prefix, Map<String, Object> params) {
        if (scope.all()) {
            return "t.id IS NOT NULL";
        }
        List<String> parts = new ArrayList<>();
        if (!scope.organisationIds().isEmpty()) {
            parts.add("t.organisationId IN :" + prefix + "Org");
            params.put(prefix + "Org", List.copyOf(scope.organisationIds()));
        }
        if (!scope.estateIds().isEmpty()) {
            parts.add("t.estateId IN :" + prefix + "Est");
            params.put(prefix + "Est", List.copyOf(scope.estateIds()));
        }
        if (!scope.buildingIds().isEmpty()) {
            parts.add("t.buildingId IN :" + prefix + "Bld");
            params.put(prefix + "Bld", List.copyOf(scope.buildingIds()));
        }
        return parts.isEmpty() ? "t.id IS NULL" : "(" + String.join(" OR ", parts) + ")";
    }

    private static void checkPage(int offset, int limit) {
        if (limit < 1 || limit > MAX_PAGE) {
            throw new DomusException(Kind.INVALID, "communications.messages.limit-invalid", MAX_PAGE);
        }
        if (offset < 0) {
            throw new DomusException(Kind.INVALID, "communications.messages.offset-invalid");
        }
    }

    private Page<MessageThread> page(
            EntityManager em,
            Subject reader,
            String where,
            Consumer<TypedQuery<?>> bind,
            boolean residentSide,
            int offset,
            int limit) {
        TypedQuery<Long> count = em.createQuery("SELECT COUNT(t) FROM ThreadEntity t WHERE " + where, Long.class);
        bind.accept(count);
        TypedQuery<ThreadEntity> list = em.createQuery(
                        "SELECT t FROM ThreadEntity t WHERE " + where + " ORDER BY t.lastMessageAt DESC, t.id DESC",
                        ThreadEntity.class)
                .setFirstResult(offset)
                .setMaxResults(limit);
        bind.accept(list);
        List<ThreadEntity> threads = list.getResultList();
        Map<Long, Integer> unread =
                unreadPerThread(em, reader, threads.stream().map(t -> t.id).toList(), residentSide);
        return new Page<>(
                threads.stream().map(t -> t.view(unread.getOrDefault(t.id, 0))).toList(),
                count.getSingleResult(),
                offset,
                limit);
    }

    /** Unread messages of the other side per thread (residents read the office's, staff the residents'). */
    private Map<Long, Integer> unreadPerThread(
            EntityManager em, Subject reader, List<Long> threadIds, boolean residentSide) {
        if (threadIds.isEmpty() || reader.accountId() <= 0) {
            return Map.of();
        }
        List<Object[]> rows = em.createQuery(
                        "SELECT m.threadId, COUNT(m) FROM MessageEntity m, ThreadEntity t WHERE t.id = m.threadId"
                                + " AND m.threadId IN :threads AND " + side(residentSide)
                                + " AND m.authorId <> :me AND NOT EXISTS (SELECT r FROM"
                                + " ThreadReadEntity r WHERE r.threadId = m.threadId AND r.accountId = :me"
                                + " AND r.lastMessageId >= m.id) GROUP BY m.threadId",
                        Object[].class)
                .setParameter("threads", threadIds)
                .setParameter("me", reader.accountId())
                .getResultList();
        return rows.stream()
                .collect(Collectors.toMap(r -> ((Number) r[0]).longValue(), r -> ((Number) r[1]).intValue()));
    }

    /**
     * Messages of the other side: the office's (written by anyone but the thread's resident) for the resident,
     * the resident's for staff. (A boolean parameter would be bound as an integer on Derby in report queries.)
     */
    private static String side(boolean residentSide) {
        return residentSide ? "m.authorId <> t.residentId" : "m.authorId = t.residentId";
    }

    @Override
    public MessageThreadDetail read(Subject subject, long threadId) {
        return jpa.txExpr(TransactionType.Required, em -> {
            Seen seen = load(em, subject, threadId, false);
            ThreadEntity t = seen.thread();
            int unread = unreadPerThread(em, subject, List.of(t.id), seen.party() == Party.RESIDENT)
                    .getOrDefault(t.id, 0);
            List<Message> messages = messages(em, t.id, 0);
            markRead(em, t.id, subject, t.lastMessageId);
            return new MessageThreadDetail(t.view(unread), messages);
        });
    }

    @Override
    public List<Message> messagesAfter(Subject subject, long threadId, long afterMessageId) {
        return jpa.txExpr(TransactionType.Required, em -> {
            Seen seen = load(em, subject, threadId, false);
            List<Message> messages = messages(em, seen.thread().id, afterMessageId);
            if (!messages.isEmpty()) {
                markRead(
                        em, threadId, subject, messages.get(messages.size() - 1).id());
            }
            return messages;
        });
    }

    private List<Message> messages(EntityManager em, long threadId, long afterMessageId) {
        List<MessageEntity> rows = em.createQuery(
                        "SELECT m FROM MessageEntity m WHERE m.threadId = :t AND m.id > :after ORDER BY m.id",
                        MessageEntity.class)
                .setParameter("t", threadId)
                .setParameter("after", afterMessageId)
                .getResultList();
        Map<Long, List<MessageAttachment>> files = em
                .createQuery(
                        "SELECT a FROM MessageAttachmentEntity a WHERE a.threadId = :t AND a.messageId > :after"
                                + " ORDER BY a.id",
                        MessageAttachmentEntity.class)
                .setParameter("t", threadId)
                .setParameter("after", afterMessageId)
                .getResultList()
                .stream()
                .map(MessageAttachmentEntity::view)
                .collect(Collectors.groupingBy(MessageAttachment::messageId));
        return rows.stream()
                .map(m -> m.view(files.getOrDefault(m.id, List.of())))
                .toList();
    }

    @Override
    public Message reply(Subject subject, long threadId, String text, List<MessageFile> files) {
        String body = text(text, MAX_TEXT, "communications.messages.text-invalid");
        // Access before the files, as for a new thread.
        jpa.txExpr(TransactionType.Required, em -> mayWrite(load(em, subject, threadId, false)));
        List<InspectedUpload> checked = inspect(files);
        List<Event> posted = new ArrayList<>();
        Message m = jpa.txExpr(TransactionType.Required, em -> {
            Seen seen = mayWrite(load(em, subject, threadId, true));
            return write(em, seen.thread(), subject, seen.party() == Party.OFFICE, body, checked, posted);
        });
        events.post(posted);
        return m;
    }

    private static Seen mayWrite(Seen seen) {
        if (seen.party() == Party.READER) {
            requireOffice(seen);
        }
        if (seen.thread().stateValue() == MessageThreadState.CLOSED) {
            throw new DomusException(Kind.CONFLICT, "communications.messages.closed");
        }
        return seen;
    }

    @Override
    public MessageThread assign(Subject subject, long threadId, Long assigneeAccountId) {
        List<Event> posted = new ArrayList<>();
        MessageThread result = jpa.txExpr(TransactionType.Required, em -> {
            Seen seen = load(em, subject, threadId, true);
            requireOffice(seen);
            ThreadEntity t = seen.thread();
            if (assigneeAccountId == null) {
                t.assigneeId = null;
                t.assigneeName = null;
            } else {
                Subject assignee = accounts.subjectOf(assigneeAccountId)
                        .filter(a -> mayAnswer(a, t))
                        .orElseThrow(() -> new DomusException(
                                Kind.INVALID, "communications.messages.assignee-invalid", assigneeAccountId));
                t.assigneeId = assignee.accountId();
                t.assigneeName = limit(assignee.displayName(), 200);
            }
            em.flush();
            posted.add(MessageEventPublisher.changed(t, subject, "ASSIGNED"));
            return t.view(0);
        });
        events.post(posted);
        return result;
    }

    private boolean mayAnswer(Subject colleague, ThreadEntity t) {
        return colleague.accountId() > 0
                && colleague.roles().stream().anyMatch(Role::isStaff)
                && policy.registryScope(colleague, CommunicationsPermissions.MESSAGES)
                        .covers(location(t));
    }

    @Override
    public List<MessageAssignee> assignees(Subject subject, long threadId) {
        ThreadEntity t = jpa.txExpr(TransactionType.Required, em -> {
            Seen seen = load(em, subject, threadId, false);
            requireOffice(seen);
            return seen.thread();
        });
        return accounts.list().stream()
                .filter(a -> a.status() == AccountStatus.ACTIVE)
                .filter(a -> a.roles().stream().anyMatch(Role::isStaff))
                .map(a -> accounts.subjectOf(a.id()))
                .flatMap(Optional::stream)
                .filter(a -> mayAnswer(a, t))
                .map(a -> new MessageAssignee(a.accountId(), a.displayName()))
                .sorted(Comparator.comparing(MessageAssignee::displayName))
                .toList();
    }

    @Override
    public MessageThread close(Subject subject, long threadId) {
        return change(subject, threadId, "CLOSED", (em, seen) -> {
            ThreadEntity t = seen.thread();
            if (seen.party() == Party.READER) {
                requireOffice(seen);
            }
            if (t.stateValue() == MessageThreadState.CLOSED) {
                throw new DomusException(Kind.CONFLICT, "communications.messages.already-closed");
            }
            t.state = MessageThreadState.CLOSED.name();
        });
    }

    @Override
    public MessageThread reopen(Subject subject, long threadId) {
        return change(subject, threadId, "REOPENED", (em, seen) -> {
            ThreadEntity t = seen.thread();
            requireOffice(seen);
            if (t.stateValue() != MessageThreadState.CLOSED) {
                throw new DomusException(Kind.CONFLICT, "communications.messages.not-closed");
            }
            boolean officeLast = em.find(MessageEntity.class, t.lastMessageId).fromOffice;
            t.state = MessageThreadState.of(officeLast, t.officeWrote).name();
        });
    }

    private MessageThread change(
            Subject subject, long threadId, String change, java.util.function.BiConsumer<EntityManager, Seen> edit) {
        List<Event> posted = new ArrayList<>();
        MessageThread result = jpa.txExpr(TransactionType.Required, em -> {
            Seen seen = load(em, subject, threadId, true);
            edit.accept(em, seen);
            em.flush();
            posted.add(MessageEventPublisher.changed(seen.thread(), subject, change));
            return seen.thread().view(0);
        });
        events.post(posted);
        return result;
    }

    @Override
    public UnreadMessages unread(Subject subject) {
        if (subject.accountId() <= 0) {
            return new UnreadMessages(0, 0);
        }
        return jpa.txExpr(TransactionType.Required, em -> {
            Map<Long, Long> perThread = new HashMap<>();
            count(em, subject, "t.residentId = :me", Map.of(), true, perThread);
            RegistryScope answer = policy.registryScope(subject, CommunicationsPermissions.MESSAGES);
            if (!answer.isEmpty()) {
                Map<String, Object> params = new HashMap<>();
                String where = scope(answer, "m", params) + " AND (t.assigneeId = :me OR t.assigneeId IS NULL)"
                        + " AND t.residentId <> :me";
                count(em, subject, where, params, false, perThread);
            }
            return new UnreadMessages(
                    perThread.size(),
                    perThread.values().stream().mapToLong(Long::longValue).sum());
        });
    }

    private static void count(
            EntityManager em,
            Subject reader,
            String where,
            Map<String, Object> params,
            boolean residentSide,
            Map<Long, Long> perThread) {
        TypedQuery<Object[]> q = em.createQuery(
                        "SELECT m.threadId, COUNT(m) FROM MessageEntity m, ThreadEntity t WHERE t.id = m.threadId"
                                + " AND " + where + " AND " + side(residentSide) + " AND m.authorId <> :me"
                                + " AND NOT EXISTS (SELECT r FROM ThreadReadEntity r WHERE r.threadId = m.threadId"
                                + " AND r.accountId = :me AND r.lastMessageId >= m.id) GROUP BY m.threadId",
                        Object[].class)
                .setParameter("me", reader.accountId());
        params.forEach(q::setParameter);
        for (Object[] row : q.getResultList()) {
            perThread.merge(((Number) row[0]).longValue(), ((Number) row[1]).longValue(), Long::sum);
        }
    }

    @Override
    public MessageAttachmentContent attachment(Subject subject, long threadId, long attachmentId) {
        return jpa.txExpr(TransactionType.Required, em -> {
            load(em, subject, threadId, false);
            MessageAttachmentEntity a = em.find(MessageAttachmentEntity.class, attachmentId);
            if (a == null || a.threadId != threadId) {
                throw new DomusException(Kind.NOT_FOUND, "communications.messages.attachment.not-found");
            }
            return new MessageAttachmentContent(a.view(), AttachmentData.read(em, a.id));
        });
    }

    @Override
    public java.time.ZoneId zone(long organisationId) {
        try {
            String country = registry.organisation(SYSTEM, organisationId).country();
            return Zones.ofCountry(country, java.time.ZoneId.systemDefault());
        } catch (DomusException e) {
            return java.time.ZoneId.systemDefault();
        }
    }

    @Override
    public Optional<MessageDelivery> delivery(long messageId) {
        return jpa.txExpr(TransactionType.Required, em -> {
            MessageEntity m = em.find(MessageEntity.class, messageId);
            if (m == null) {
                return Optional.<MessageDelivery>empty();
            }
            ThreadEntity t = em.find(ThreadEntity.class, m.threadId);
            List<MessageAttachment> files = em
                    .createQuery(
                            "SELECT a FROM MessageAttachmentEntity a WHERE a.messageId = :m ORDER BY a.id",
                            MessageAttachmentEntity.class)
                    .setParameter("m", messageId)
                    .getResultList()
                    .stream()
                    .map(MessageAttachmentEntity::view)
                    .toList();
            return Optional.of(new MessageDelivery(t.view(0), m.view(files), recipients(t, m)));
        });
    }
}
