package org.domus.demo.internal.communications;

import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneId;
import java.time.format.DateTimeFormatter;
import java.time.temporal.ChronoUnit;
import java.util.List;
import java.util.Objects;
import java.util.Optional;
import org.domus.communications.Announcement;
import org.domus.communications.AnnouncementInput;
import org.domus.communications.AnnouncementQuery;
import org.domus.communications.AnnouncementService;
import org.domus.communications.MessageService;
import org.domus.communications.MessageThreadDetail;
import org.domus.communications.MessageTopic;
import org.domus.communications.NewMessageThread;
import org.domus.core.Role;
import org.domus.core.Subject;
import org.domus.core.access.RoleGrant;
import org.domus.core.access.ScopeType;
import org.domus.core.account.Account;
import org.domus.core.account.AccountService;
import org.domus.core.audience.AudienceTarget;
import org.domus.core.registry.Holding;
import org.domus.core.registry.Organisation;
import org.domus.core.registry.RegistryService;
import org.domus.demo.internal.communications.NewsTexts.Country;

/**
 * A demo organisation's announcements and the demo resident's conversations with the office, made live through
 * the communications module's exported services by the organisation's manager and accountant: an urgent water
 * shut-off for one building (the demo resident's where they live in the organisation), the general meeting's
 * notice to the whole organisation, and the spring clean-up's notice, which expires half a minute after publication;
 * for the demo resident a question about the yearly statement answered by the accountant and a repair request
 * answered by the manager.
 */
public final class NewsDemoData {

    static final Subject SYSTEM = DirectoryDemoData.SYSTEM;

    /** How long the expired notice stays up: published now, it has expired once the demo is ready. */
    static final long EXPIRED_AFTER_SECONDS = 30;

    private static final DateTimeFormatter DAY = DateTimeFormatter.ofPattern("dd.MM.yyyy");

    /** What was made for one organisation. */
    public record Result(boolean created, String organisation, int announcements, int threads) {}

    private final RegistryService registry;
    private final AccountService accounts;
    private final AnnouncementService announcements;
    private final MessageService messages;
    private final String residentLogin;

    public NewsDemoData(
            RegistryService registry,
            AccountService accounts,
            AnnouncementService announcements,
            MessageService messages,
            String residentLogin) {
        this.registry = Objects.requireNonNull(registry);
        this.accounts = Objects.requireNonNull(accounts);
        this.announcements = Objects.requireNonNull(announcements);
        this.messages = Objects.requireNonNull(messages);
        this.residentLogin = residentLogin;
    }

    /** Makes the organisation's announcements and threads unless it has announcements already. */
    public Result generateIfEmpty(long organisationId) {
        Organisation organisation = registry.organisations(SYSTEM).stream()
                .filter(o -> o.id() == organisationId)
                .findFirst()
                .orElseThrow(() -> new IllegalArgumentException("no organisation " + organisationId));
        Country texts = NewsTexts.COUNTRIES.get(organisation.country());
        Optional<Subject> manager = staff(organisationId, Role.MANAGER);
        Optional<Subject> accountant = staff(organisationId, Role.ACCOUNTANT);
        boolean made = announcements
                        .list(SYSTEM, new AnnouncementQuery(organisationId, null, null, null, 0, 1))
                        .total()
                > 0;
        if (texts == null || manager.isEmpty() || made) {
            return new Result(false, organisation.name(), 0, 0);
        }
        ZoneId zone = messages.zone(organisationId);
        LocalDate today = LocalDate.now(zone);
        List<Holding> residentHomes = residentHomes(organisationId);
        Holding shutOff = residentHomes.isEmpty() ? null : residentHomes.get(0);
        long buildingId = shutOff != null ? shutOff.building().id() : firstBuilding(organisationId);
        String address = shutOff != null
                ? shutOff.building().address()
                : registry.building(SYSTEM, buildingId).address();

        Subject author = manager.get();
        Instant now = Instant.now();
        String day = today.plusDays(2).format(DAY);
        publish(
                author,
                new AnnouncementInput(
                        organisationId,
                        texts.shutOffTitle().replace("{0}", day),
                        texts.shutOffBody().replace("{0}", day).replace("{1}", address),
                        List.of(AudienceTarget.of(AudienceTarget.Kind.BUILDING, buildingId)),
                        null,
                        today.plusDays(3).atStartOfDay(zone).toInstant(),
                        true,
                        0));
        String meeting = today.plusDays(21).format(DAY);
        publish(
                author,
                new AnnouncementInput(
                        organisationId,
                        texts.meetingTitle().replace("{0}", meeting),
                        texts.meetingBody().replace("{0}", meeting),
                        List.of(AudienceTarget.of(AudienceTarget.Kind.ORGANISATION, organisationId)),
                        null,
                        today.plusDays(22).atStartOfDay(zone).toInstant(),
                        false,
                        0));
        publish(
                author,
                new AnnouncementInput(
                        organisationId,
                        texts.cleaningTitle(),
                        texts.cleaningBody(),
                        List.of(AudienceTarget.of(AudienceTarget.Kind.ORGANISATION, organisationId)),
                        null,
                        now.plus(EXPIRED_AFTER_SECONDS, ChronoUnit.SECONDS).truncatedTo(ChronoUnit.SECONDS),
                        false,
                        0));

        int threads = 0;
        Optional<Subject> resident = resident();
        if (shutOff != null && resident.isPresent()) {
            long unitId = shutOff.unit().id();
            MessageThreadDetail ledger = messages.open(
                    resident.get(),
                    new NewMessageThread(
                            unitId, MessageTopic.LEDGER, texts.ledgerSubject(), texts.ledgerText(), List.of()));
            messages.reply(accountant.orElse(author), ledger.thread().id(), texts.ledgerAnswer(), List.of());
            MessageThreadDetail repair = messages.open(
                    resident.get(),
                    new NewMessageThread(
                            unitId, MessageTopic.REPAIR, texts.repairSubject(), texts.repairText(), List.of()));
            messages.reply(author, repair.thread().id(), texts.repairAnswer(), List.of());
            threads = 2;
        }
        return new Result(true, organisation.name(), 3, threads);
    }

    private Announcement publish(Subject author, AnnouncementInput input) {
        Announcement draft = announcements.create(author, input);
        return announcements.publish(author, draft.id(), draft.version());
    }

    /** The organisation-wide staff account of the role. */
    private Optional<Subject> staff(long organisationId, Role role) {
        for (Account a : accounts.list()) {
            for (RoleGrant g : accounts.grants(a.id())) {
                if (g.role() == role
                        && g.scopeType() == ScopeType.ORGANISATION
                        && Objects.equals(g.scopeId(), organisationId)) {
                    return accounts.subjectOf(a.id());
                }
            }
        }
        return Optional.empty();
    }

    private Optional<Subject> resident() {
        return residentLogin == null
                ? Optional.empty()
                : accounts.findByLogin(residentLogin).flatMap(a -> accounts.subjectOf(a.id()));
    }

    /** The demo resident's homes (flats first) in the organisation. */
    private List<Holding> residentHomes(long organisationId) {
        return resident()
                .map(s -> registry.myUnits(s).stream()
                        .filter(h ->
                                registry.estate(SYSTEM, h.building().estateId()).organisationId() == organisationId)
                        .sorted(java.util.Comparator.comparing(
                                (Holding h) -> h.unit().kind() != org.domus.core.registry.UnitKind.FLAT))
                        .toList())
                .orElse(List.of());
    }

    private long firstBuilding(long organisationId) {
        return registry.buildings(SYSTEM, org.domus.core.registry.BuildingFilter.NONE, 0, 1000).items().stream()
                .filter(b -> registry.estate(SYSTEM, b.estateId()).organisationId() == organisationId)
                .mapToLong(org.domus.core.registry.Building::id)
                .min()
                .orElseThrow();
    }
}
