package org.domus.communications.internal.notify;

import java.time.Clock;
import java.time.Instant;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Set;
import org.domus.communications.internal.CommunicationsDatabase;
import org.domus.core.Role;
import org.domus.core.Subject;
import org.domus.core.audience.Audience;
import org.domus.core.internal.audience.SqlAudience;
import org.domus.core.internal.registry.RegistryGrants;
import org.domus.core.registry.Organisation;
import org.domus.core.registry.Person;
import org.domus.core.registry.TenureRole;
import org.domus.core.registry.Unit;
import org.domus.persistence.testing.ResourceLocalJpaTemplate;

/**
 * The communications test database with the platform's real audience, the notification service and the fan-out
 * on top (mails go to a {@link RecordingMailOutbox}).
 */
final class NotifyDatabase extends CommunicationsDatabase {

    /** Friday 6 March 2026, 09:00 in Prague. */
    private static final Clock FRIDAY_MORNING =
            Clock.fixed(Instant.parse("2026-03-06T08:00:00Z"), ZoneId.of("Europe/Prague"));

    final ResourceLocalJpaTemplate jpa;
    final Audience audience;
    final RecordingMailOutbox outbox = new RecordingMailOutbox();
    final Clock clock = FRIDAY_MORNING;

    final NotificationServiceImpl notifications;
    final Fanout fanout;

    NotifyDatabase() {
        this(NotifySettings.standard());
    }

    /** @param extra further sources, made with the database's audience */
    @SafeVarargs
    NotifyDatabase(NotifySettings settings, java.util.function.Function<Audience, FanoutSource>... extra) {
        super("notify", FRIDAY_MORNING, List.of(new RegistryGrants()));
        jpa = new ResourceLocalJpaTemplate(commEmf);
        audience = SqlAudience.create(coreJpa, "en");
        notifications = NotificationServiceImpl.create(jpa, audience, clock, settings);
        List<FanoutSource> sources = new ArrayList<>(List.of(
                new TicketSource(audience), new LedgerSource(audience, id -> FanoutWorker.unitLabel(registry, id))));
        for (java.util.function.Function<Audience, FanoutSource> f : extra) {
            sources.add(f.apply(audience));
        }
        fanout = new Fanout(notifications, outbox, sources);
    }

    Organisation organisation(String country) {
        return organisation("SBD " + country, country);
    }

    /** An account row with an e-mail address (or none) and a language. */
    long account(String login, String email, String language) {
        return insertAccount(login, login + " Resident", email, language);
    }

    /** A resident holding the units (in the role) since 2020, with an e-mail address unless {@code email} is null. */
    Subject resident(String login, String email, String language, TenureRole role, Unit... units) {
        long accountId = account(login, email, language);
        long organisationId = registry.estate(
                        ADMIN, registry.building(ADMIN, units[0].buildingId()).estateId())
                .organisationId();
        Person person = person(organisationId, login, accountId);
        holdSince2020(person, role, units);
        return new Subject(
                accountId,
                login,
                login + " Resident",
                Set.of(Role.RESIDENT),
                Locale.forLanguageTag(language),
                Set.of());
    }
}
