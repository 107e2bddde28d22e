package org.domus.tickets.internal;

import java.io.ByteArrayInputStream;
import java.util.ArrayList;
import java.util.EnumSet;
import java.util.List;
import java.util.Objects;
import java.util.Set;
import javax.persistence.EntityManager;
import javax.persistence.LockModeType;
import javax.persistence.TypedQuery;
import org.apache.aries.jpa.template.JpaTemplate;
import org.apache.aries.jpa.template.TransactionType;
import org.domus.core.DomusException;
import org.domus.core.DomusException.Kind;
import org.domus.core.Subject;
import org.domus.core.upload.InspectedUpload;
import org.domus.core.upload.UploadInspector;
import org.domus.core.upload.UploadPolicy;
import org.domus.core.upload.UploadType;
import org.domus.tickets.Attachment;
import org.domus.tickets.AttachmentContent;
import org.domus.tickets.AttachmentKind;
import org.domus.tickets.TicketActor;
import org.domus.tickets.TicketAttachments;
import org.domus.tickets.TicketStatus;
import org.domus.tickets.TicketsPermissions;
import org.domus.tickets.TimelineEntry;
import org.domus.tickets.TimelineKind;
import org.domus.tickets.TransitionRequest;
import org.osgi.service.component.annotations.Activate;
import org.osgi.service.component.annotations.Component;
import org.osgi.service.component.annotations.Reference;
import org.osgi.service.event.Event;

/** Attachments over TICKETS_ATTACHMENT and TICKETS_ATTACHMENT_DATA; completion protocols. */
@Component(service = {TicketAttachments.class, TicketAttachmentsImpl.class})
public class TicketAttachmentsImpl implements TicketAttachments {

    /** Kinds the module makes itself; they do not count against the per-ticket limit. */
    private static final Set<AttachmentKind> GENERATED = EnumSet.of(AttachmentKind.SIGNATURE, AttachmentKind.PROTOCOL);

    private final TicketServiceImpl tickets;
    private final JpaTemplate jpa;

    @Activate
    public TicketAttachmentsImpl(@Reference TicketServiceImpl tickets) {
        this.tickets = Objects.requireNonNull(tickets);
        this.jpa = tickets.jpa();
    }

    static TicketAttachmentsImpl create(TicketServiceImpl tickets) {
        return new TicketAttachmentsImpl(tickets);
    }

    /** Photos, PDF documents and voice notes up to the configured size. */
    public UploadPolicy policy() {
        Set<UploadType> types = EnumSet.noneOf(UploadType.class);
        types.addAll(UploadPolicy.photosAndPdf(1).accepted());
        types.addAll(UploadPolicy.audio(1).accepted());
        return new UploadPolicy(types, tickets.settings().maxFileBytes());
    }

    static AttachmentKind kindOf(UploadType type) {
        return type.isImage() ? AttachmentKind.PHOTO : type.isAudio() ? AttachmentKind.AUDIO : AttachmentKind.DOCUMENT;
    }

    @Override
    public void check(String name, byte[] content) {
        UploadInspector.inspect(name, new ByteArrayInputStream(content == null ? new byte[0] : content), policy());
    }

    @Override
    public Attachment upload(Subject subject, long ticketId, String name, byte[] content, boolean internal) {
        // Access first (a stranger learns nothing from a refused file), then the content, then the write.
        jpa.txExpr(TransactionType.Required, em -> mayAdd(em, subject, ticketId, internal));
        InspectedUpload checked = UploadInspector.inspect(
                name, new ByteArrayInputStream(content == null ? new byte[0] : content), policy());
        return jpa.txExpr(TransactionType.Required, em -> {
            TicketServiceImpl.Seen seen = mayAdd(em, subject, ticketId, internal);
            return store(em, seen.ticket(), subject, kindOf(checked.type()), checked, internal);
        });
    }

    private TicketServiceImpl.Seen mayAdd(EntityManager em, Subject subject, long ticketId, boolean internal) {
        TicketServiceImpl.Seen seen = tickets.load(em, subject, ticketId, false);
        if (seen.actors().isEmpty() || (internal && !seen.full())) {
            throw new DomusException(Kind.FORBIDDEN, "tickets.attachment.not-allowed");
        }
        if (TicketStatus.valueOf(seen.ticket().status).isFinal()) {
            throw new DomusException(Kind.CONFLICT, "tickets.attachment.closed", seen.ticket().status);
        }
        long count = em.createQuery(
                        "SELECT COUNT(a) FROM AttachmentEntity a WHERE a.ticketId = :t AND a.kind NOT IN :generated",
                        Long.class)
                .setParameter("t", ticketId)
                .setParameter("generated", GENERATED.stream().map(Enum::name).toList())
                .getSingleResult();
        if (count >= tickets.settings().maxFilesPerTicket()) {
            throw new DomusException(
                    Kind.INVALID,
                    "tickets.attachment.too-many",
                    tickets.settings().maxFilesPerTicket());
        }
        return seen;
    }

    /** Stores checked bytes with a timeline entry, in the caller's transaction. */
    Attachment store(
            EntityManager em,
            TicketEntity t,
            Subject author,
            AttachmentKind kind,
            InspectedUpload file,
            boolean internal) {
        return store(em, t, author, kind, file.safeName(), file.type().mediaType(), file.content(), internal);
    }

    Attachment store(
            EntityManager em,
            TicketEntity t,
            Subject author,
            AttachmentKind kind,
            String name,
            String mediaType,
            byte[] content,
            boolean internal) {
        em.lock(t, LockModeType.OPTIMISTIC_FORCE_INCREMENT);
        AttachmentEntity a = new AttachmentEntity();
        a.ticketId = t.id;
        a.kind = kind.name();
        a.name = Texts.limit(name, 200);
        a.mediaType = mediaType;
        a.size = content.length;
        a.internal = internal;
        a.authorId = author == null || author.accountId() <= 0 ? null : author.accountId();
        a.authorName = author == null ? "anonymous" : Texts.limit(author.displayName(), 200);
        a.createdAt = tickets.now();
        em.persist(a);
        em.flush();
        AttachmentData.write(em, a.id, content);
        tickets.timeline(
                em,
                t,
                author,
                kind == AttachmentKind.PROTOCOL ? TimelineKind.PROTOCOL : TimelineKind.ATTACHMENT,
                a.name,
                internal,
                a.id,
                null);
        return a.view();
    }

    @Override
    public List<Attachment> list(Subject subject, long ticketId) {
        return jpa.txExpr(TransactionType.Required, em -> {
            TicketServiceImpl.Seen seen = tickets.load(em, subject, ticketId, false);
            TypedQuery<AttachmentEntity> q = em.createQuery(
                            "SELECT a FROM AttachmentEntity a WHERE a.ticketId = :t"
                                    + (seen.full() ? "" : " AND a.internal = :no")
                                    + " ORDER BY a.id",
                            AttachmentEntity.class)
                    .setParameter("t", ticketId);
            if (!seen.full()) {
                q.setParameter("no", false);
            }
            return q.getResultList().stream()
                    .map(a -> seen.hidesAuthor(a.authorId) ? a.withoutAuthor() : a.view())
                    .toList();
        });
    }

    @Override
    public AttachmentContent download(Subject subject, long ticketId, long attachmentId) {
        return jpa.txExpr(TransactionType.Required, em -> {
            TicketServiceImpl.Seen seen = tickets.load(em, subject, ticketId, false);
            AttachmentEntity a = em.find(AttachmentEntity.class, attachmentId);
            if (a == null || a.ticketId != ticketId || (a.internal && !seen.full())) {
                throw new DomusException(Kind.NOT_FOUND, "tickets.attachment.not-found");
            }
            if (seen.view() == Visibility.View.NEIGHBOUR && AttachmentKind.valueOf(a.kind) != AttachmentKind.PHOTO) {
                // Neighbours see the photos of a building-wide problem, not signatures or protocols.
                throw new DomusException(Kind.NOT_FOUND, "tickets.attachment.not-found");
            }
            return new AttachmentContent(a.view(), AttachmentData.read(em, attachmentId));
        });
    }

    @Override
    public Attachment complete(
            Subject subject, long ticketId, String workDone, byte[] signaturePng, String signerName) {
        String work = Texts.required(workDone, 4000, "tickets.protocol.work-invalid");
        String signer = Texts.required(signerName, 200, "tickets.protocol.signer-invalid");
        InspectedUpload signature = UploadInspector.inspect(
                "signature",
                new ByteArrayInputStream(signaturePng == null ? new byte[0] : signaturePng),
                UploadPolicy.photos(Math.min(tickets.settings().maxFileBytes(), 2L * 1024 * 1024)));
        if (signature.type() != UploadType.PNG) {
            throw new DomusException(Kind.INVALID, "tickets.protocol.signature-png");
        }
        List<Event> posted = new ArrayList<>();
        Attachment protocol = jpa.txExpr(TransactionType.Required, em -> {
            TicketServiceImpl.Seen seen = tickets.load(em, subject, ticketId, false);
            if (!seen.actors().contains(TicketActor.CONTRACTOR)) {
                throw new DomusException(Kind.FORBIDDEN, "error.forbidden", TicketsPermissions.WORK.name());
            }
            TicketEntity t = tickets.move(em, subject, ticketId, TransitionRequest.to(TicketStatus.DONE, null), posted);
            tickets.timeline(em, t, subject, TimelineKind.WORK_NOTE, work, false, null, null);
            store(em, t, subject, AttachmentKind.SIGNATURE, signature, false);
            em.flush();
            byte[] pdf = new ProtocolDocument(content(em, subject, t, work, signature.content(), signer)).render();
            return store(
                    em,
                    t,
                    subject,
                    AttachmentKind.PROTOCOL,
                    t.reference + "-protocol.pdf",
                    UploadType.PDF.mediaType(),
                    pdf,
                    false);
        });
        tickets.events().post(posted);
        return protocol;
    }

    private ProtocolDocument.Content content(
            EntityManager em, Subject subject, TicketEntity t, String work, byte[] signature, String signer) {
        var org = tickets.registry().organisation(TicketServiceImpl.SYSTEM, t.organisationId);
        String unit = t.unitId == null
                ? null
                : tickets.registry().unit(TicketServiceImpl.SYSTEM, t.unitId).number();
        List<TimelineEntry> timeline = em
                .createQuery(
                        "SELECT e FROM TimelineEntity e WHERE e.ticketId = :t AND e.internal = :no ORDER BY e.id",
                        TimelineEntity.class)
                .setParameter("t", t.id)
                .setParameter("no", false)
                .getResultList()
                .stream()
                .map(TimelineEntity::view)
                .filter(e -> Set.of(
                                TimelineKind.ASSIGNMENT,
                                TimelineKind.ASSIGNMENT_ACCEPTED,
                                TimelineKind.STATUS,
                                TimelineKind.TIME)
                        .contains(e.kind()))
                .toList();
        List<byte[]> photos = em
                .createQuery(
                        "SELECT a.id FROM AttachmentEntity a WHERE a.ticketId = :t AND a.kind = :photo ORDER BY a.id",
                        Long.class)
                .setParameter("t", t.id)
                .setParameter("photo", AttachmentKind.PHOTO.name())
                .getResultList()
                .stream()
                .map(id -> AttachmentData.read(em, id))
                .toList();
        return new ProtocolDocument.Content(
                tickets.view(em, t, Visibility.View.FULL),
                org.name(),
                unit,
                timeline,
                work,
                photos,
                signature,
                signer,
                tickets.now(),
                Deadlines.zoneOf(org.country()),
                t.requesterLanguage);
    }

    @Override
    public AttachmentContent protocol(Subject subject, long ticketId) {
        long id = jpa.txExpr(TransactionType.Required, em -> {
            TicketServiceImpl.Seen seen = tickets.load(em, subject, ticketId, false);
            if (seen.view() == Visibility.View.NEIGHBOUR) {
                throw new DomusException(Kind.NOT_FOUND, "tickets.protocol.not-found");
            }
            List<Long> ids = em.createQuery(
                            "SELECT a.id FROM AttachmentEntity a WHERE a.ticketId = :t AND a.kind = :k ORDER BY a.id DESC",
                            Long.class)
                    .setParameter("t", ticketId)
                    .setParameter("k", AttachmentKind.PROTOCOL.name())
                    .setMaxResults(1)
                    .getResultList();
            if (ids.isEmpty()) {
                throw new DomusException(Kind.NOT_FOUND, "tickets.protocol.not-found");
            }
            return ids.get(0);
        });
        return download(subject, ticketId, id);
    }
}
