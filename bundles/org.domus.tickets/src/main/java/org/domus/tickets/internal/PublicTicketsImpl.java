package org.domus.tickets.internal;

import java.io.ByteArrayInputStream;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.security.SecureRandom;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Base64;
import java.util.HexFormat;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import javax.persistence.EntityManager;
import org.apache.aries.jpa.template.JpaTemplate;
import org.apache.aries.jpa.template.TransactionType;
import org.domus.core.DomusException;
import org.domus.core.DomusException.Kind;
import org.domus.core.Role;
import org.domus.core.Subject;
import org.domus.core.access.RegistryLocation;
import org.domus.core.access.ScopeType;
import org.domus.core.ratelimit.RateLimiter;
import org.domus.core.registry.Building;
import org.domus.core.registry.Organisation;
import org.domus.core.upload.InspectedUpload;
import org.domus.core.upload.UploadInspector;
import org.domus.core.upload.UploadPolicy;
import org.domus.tickets.Attachment;
import org.domus.tickets.AttachmentKind;
import org.domus.tickets.BuildingCode;
import org.domus.tickets.Category;
import org.domus.tickets.ContactPreference;
import org.domus.tickets.PublicBuilding;
import org.domus.tickets.PublicForm;
import org.domus.tickets.PublicSubmission;
import org.domus.tickets.PublicTickets;
import org.domus.tickets.RateLimitedException;
import org.domus.tickets.TicketArea;
import org.domus.tickets.TicketEvents;
import org.domus.tickets.TicketPriority;
import org.domus.tickets.TicketSource;
import org.domus.tickets.TicketsPermissions;
import org.osgi.service.component.annotations.Activate;
import org.osgi.service.component.annotations.Component;
import org.osgi.service.component.annotations.Reference;
import org.osgi.service.event.Event;

/** The public form and buildings' codes over TICKETS_PUBLIC_CODE and TICKETS_UPLOAD_TOKEN. */
@Component(service = PublicTickets.class)
public class PublicTicketsImpl implements PublicTickets {

    static final String BUCKET_ADDRESS = "tickets.public.address";
    static final String BUCKET_CODE = "tickets.public.code";
    static final Duration TOKEN_LIFETIME = Duration.ofHours(1);

    private static final SecureRandom RANDOM = new SecureRandom();

    private final TicketServiceImpl tickets;
    private final TicketAttachmentsImpl attachments;
    private final RateLimiter limiter;
    private final JpaTemplate jpa;

    @Activate
    public PublicTicketsImpl(
            @Reference TicketServiceImpl tickets,
            @Reference TicketAttachmentsImpl attachments,
            @Reference RateLimiter limiter) {
        this.tickets = Objects.requireNonNull(tickets);
        this.attachments = Objects.requireNonNull(attachments);
        this.limiter = Objects.requireNonNull(limiter);
        this.jpa = tickets.jpa();
    }

    static PublicTicketsImpl create(TicketServiceImpl tickets, TicketAttachmentsImpl attachments, RateLimiter limiter) {
        return new PublicTicketsImpl(tickets, attachments, limiter);
    }

    private long buildingOf(String code) {
        if (code == null || !code.matches("[A-Za-z0-9_-]{16,64}")) {
            throw new DomusException(Kind.NOT_FOUND, "tickets.public.not-found");
        }
        return jpa
                .txExpr(TransactionType.Required, em -> em.createQuery(
                                "SELECT p.buildingId FROM PublicCodeEntity p WHERE p.code = :c", Long.class)
                        .setParameter("c", code)
                        .getResultList())
                .stream()
                .findFirst()
                .orElseThrow(() -> new DomusException(Kind.NOT_FOUND, "tickets.public.not-found"));
    }

    @Override
    public PublicBuilding building(String code) {
        long buildingId = buildingOf(code);
        Building building = tickets.building(buildingId);
        RegistryLocation location = locate(buildingId);
        Organisation org = tickets.registry().organisation(TicketServiceImpl.SYSTEM, location.organisationId());
        List<Category> categories = jpa.txExpr(TransactionType.Required, em -> {
            TicketConfigurationImpl.ensureDefaults(em, org.id(), org.country(), tickets.now());
            return em
                    .createQuery(
                            "SELECT c FROM CategoryEntity c WHERE c.organisationId = :o AND c.active = :yes"
                                    + " ORDER BY c.name",
                            CategoryEntity.class)
                    .setParameter("o", org.id())
                    .setParameter("yes", true)
                    .getResultList()
                    .stream()
                    .map(CategoryEntity::view)
                    .toList();
        });
        return new PublicBuilding(code, building.address(), building.latitude(), building.longitude(), categories);
    }

    private RegistryLocation locate(long buildingId) {
        return tickets.policy()
                .locate(ScopeType.BUILDING, buildingId)
                .orElseThrow(() -> new DomusException(Kind.NOT_FOUND, "tickets.public.not-found"));
    }

    @Override
    public PublicSubmission submit(String code, PublicForm form, String clientAddress) {
        TicketsSettings s = tickets.settings();
        Duration hour = Duration.ofHours(1);
        // Counted before anything else, so that guessing codes costs attempts too.
        if (!limiter.tryAcquire(BUCKET_ADDRESS, String.valueOf(clientAddress), s.publicPerAddressPerHour(), hour)) {
            throw new RateLimitedException(secondsLeft(hour));
        }
        long buildingId = buildingOf(code);
        Duration day = Duration.ofDays(1);
        if (!limiter.tryAcquire(BUCKET_CODE, code, s.publicPerCodePerDay(), day)) {
            throw new RateLimitedException(secondsLeft(day));
        }
        if (form == null) {
            throw new DomusException(Kind.INVALID, "tickets.description.invalid", MAX_DESCRIPTION);
        }
        String description = Texts.required(form.description(), MAX_DESCRIPTION, "tickets.description.invalid");
        String name = form.name() == null || form.name().isBlank()
                ? null
                : Texts.required(form.name(), 200, "tickets.contact.invalid");
        String contact = form.contact() == null ? null : form.contact().strip();
        String email = contact != null && contact.contains("@") ? Texts.email(contact) : null;
        String phone = contact != null && !contact.isEmpty() && !contact.contains("@") ? Texts.phone(contact) : null;
        Building building = tickets.building(buildingId);
        Pins.check(form.latitude(), form.longitude(), building, s.pinRadiusMetres());
        RegistryLocation location = locate(buildingId);
        Organisation org = tickets.registry().organisation(TicketServiceImpl.SYSTEM, location.organisationId());
        String token = random(32);
        Instant expires = tickets.now().plus(TOKEN_LIFETIME);
        List<Event> posted = new ArrayList<>();
        String reference = jpa.txExpr(TransactionType.Required, em -> {
            TicketConfigurationImpl.ensureDefaults(em, org.id(), org.country(), tickets.now());
            TicketEntity t = tickets.file(
                    em,
                    null,
                    new RegistryLocation(location.organisationId(), location.estateId(), buildingId, null),
                    building,
                    org.country(),
                    TicketArea.BUILDING,
                    form.categoryId(),
                    TicketPriority.NORMAL,
                    Texts.titleOf(description),
                    description,
                    TicketSource.PUBLIC_FORM,
                    new TicketServiceImpl.Requester(
                            null,
                            name,
                            email,
                            phone,
                            email != null
                                    ? ContactPreference.EMAIL
                                    : phone != null ? ContactPreference.PHONE : ContactPreference.APP,
                            Catalog.ofCountry(org.country()).locale().getLanguage()));
            t.latitude = form.latitude();
            t.longitude = form.longitude();
            UploadTokenEntity u = new UploadTokenEntity();
            u.tokenHash = sha256(token);
            u.ticketId = t.id;
            u.expiresAt = expires;
            em.persist(u);
            em.flush();
            posted.add(TicketEventPublisher.event(TicketEvents.CREATED, t, null, Map.of()));
            return t.reference;
        });
        tickets.events().post(posted);
        return new PublicSubmission(reference, token, expires);
    }

    private long secondsLeft(Duration window) {
        long w = window.toSeconds();
        return Math.max(1, w - Math.floorMod(tickets.now().getEpochSecond(), w));
    }

    @Override
    public Attachment attachPhoto(String token, String name, byte[] content) {
        if (token == null || token.isBlank() || token.length() > 100) {
            throw new DomusException(Kind.NOT_FOUND, "tickets.public.token-invalid");
        }
        String hash = sha256(token);
        // Spend the token in its own transaction first: a refused photo does not give it back.
        long ticketId = jpa.txExpr(TransactionType.Required, em -> {
            UploadTokenEntity u = em.find(UploadTokenEntity.class, hash);
            if (u == null || u.expiresAt.isBefore(tickets.now())) {
                if (u != null) {
                    em.remove(u);
                }
                return -1L;
            }
            em.remove(u);
            return u.ticketId;
        });
        if (ticketId < 0) {
            throw new DomusException(Kind.NOT_FOUND, "tickets.public.token-invalid");
        }
        InspectedUpload photo = inspectPhoto(name, content);
        return jpa.txExpr(TransactionType.Required, em -> {
            TicketEntity t = em.find(TicketEntity.class, ticketId);
            return attachments.store(em, t, null, AttachmentKind.PHOTO, photo, false);
        });
    }

    @Override
    public void checkPhoto(String name, byte[] content) {
        inspectPhoto(name, content);
    }

    private InspectedUpload inspectPhoto(String name, byte[] content) {
        return UploadInspector.inspect(
                name,
                new ByteArrayInputStream(content == null ? new byte[0] : content),
                UploadPolicy.photos(tickets.settings().maxFileBytes()));
    }

    @Override
    public BuildingCode code(Subject subject, long buildingId) {
        mayManage(subject, buildingId);
        return jpa.txExpr(TransactionType.Required, em -> {
            PublicCodeEntity p = em.find(PublicCodeEntity.class, buildingId);
            if (p == null) {
                p = newCode(em, subject, buildingId);
            }
            return new BuildingCode(p.buildingId, p.code, p.createdAt);
        });
    }

    @Override
    public BuildingCode rotateCode(Subject subject, long buildingId) {
        mayManage(subject, buildingId);
        return jpa.txExpr(TransactionType.Required, em -> {
            PublicCodeEntity old = em.find(PublicCodeEntity.class, buildingId);
            if (old != null) {
                em.remove(old);
                em.flush();
            }
            PublicCodeEntity p = newCode(em, subject, buildingId);
            return new BuildingCode(p.buildingId, p.code, p.createdAt);
        });
    }

    private PublicCodeEntity newCode(EntityManager em, Subject subject, long buildingId) {
        PublicCodeEntity p = new PublicCodeEntity();
        p.buildingId = buildingId;
        p.code = random(24);
        p.createdAt = tickets.now();
        em.persist(p);
        em.flush();
        org.domus.core.audit.AuditTrail.record(
                em,
                subject,
                p.createdAt,
                "tickets.public-code.create",
                "tickets-public-code",
                buildingId,
                null,
                Map.of("buildingId", buildingId));
        return p;
    }

    private void mayManage(Subject s, long buildingId) {
        var policy = tickets.policy();
        if (s.roles().stream().anyMatch(Role::isStaff) && !policy.isGranted(s, TicketsPermissions.MANAGE)) {
            throw new DomusException(Kind.FORBIDDEN, "error.forbidden", TicketsPermissions.MANAGE.name());
        }
        policy.requireRegistry(
                s,
                TicketsPermissions.MANAGE,
                policy.locate(ScopeType.BUILDING, buildingId),
                false,
                "tickets.building.not-found");
    }

    private static String random(int bytes) {
        byte[] b = new byte[bytes];
        RANDOM.nextBytes(b);
        return Base64.getUrlEncoder().withoutPadding().encodeToString(b);
    }

    static String sha256(String text) {
        try {
            return HexFormat.of()
                    .formatHex(MessageDigest.getInstance("SHA-256").digest(text.getBytes(StandardCharsets.UTF_8)));
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }
}
