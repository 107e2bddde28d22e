package org.domus.communications.internal.announce;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.SQLException;
import java.time.Instant;
import java.time.LocalDate;
import java.util.List;
import java.util.Locale;
import java.util.Set;
import org.domus.communications.internal.CommunicationsDatabase;
import org.domus.communications.internal.CommunicationsGrants;
import org.domus.core.Role;
import org.domus.core.Subject;
import org.domus.core.access.RoleGrant;
import org.domus.core.access.ScopeType;
import org.domus.core.internal.audience.SqlAudience;
import org.domus.core.internal.registry.RegistryGrants;
import org.domus.core.registry.Organisation;
import org.domus.core.registry.Person;
import org.domus.core.registry.TenureRole;
import org.domus.core.registry.Unit;
import org.domus.persistence.testing.ResourceLocalJpaTemplate;
import org.domus.testing.MutableClock;

/** The communications test database with the platform's real audience and the announcement service on top. */
final class AnnouncementsDatabase extends CommunicationsDatabase {

    /** Friday 6 March 2026, 09:00 in Prague. */
    final MutableClock clock;

    final SqlAudience audience;
    final AnnouncementServiceImpl announcements;

    AnnouncementsDatabase() {
        this(new MutableClock(Instant.parse("2026-03-06T08:00:00Z")));
    }

    private AnnouncementsDatabase(MutableClock clock) {
        super("announcements", clock, List.of(new RegistryGrants(), new CommunicationsGrants()));
        this.clock = clock;
        audience = SqlAudience.create(coreJpa, "en");
        announcements = AnnouncementServiceImpl.create(
                new ResourceLocalJpaTemplate(commEmf), policy, audience, registry, clock);
    }

    Organisation organisation(String name) {
        return organisation(name, "CZ");
    }

    /** A unit on a staircase (the label the audience uses for staircase targets). */
    Unit unit(long buildingId, String number, String staircase) {
        Unit u = unit(buildingId, number);
        try (Connection c = dataSource.getConnection();
                PreparedStatement ps = c.prepareStatement("UPDATE CORE_UNIT SET STAIRCASE = ? WHERE ID = ?")) {
            ps.setString(1, staircase);
            ps.setLong(2, u.id());
            ps.executeUpdate();
        } catch (SQLException e) {
            throw new IllegalStateException(e);
        }
        return u;
    }

    long account(String login) {
        return insertAccount(login, login, null, null);
    }

    /** A resident holding the unit from {@code from} to {@code to} (null: still). */
    Subject resident(String login, long organisationId, Unit unit, LocalDate from, LocalDate to) {
        long accountId = account(login);
        Person person = person(organisationId, login, accountId);
        tenure(unit, person, TenureRole.OWNER, from, to);
        return new Subject(accountId, login, login, Set.of(Role.RESIDENT), Locale.ENGLISH, Set.of());
    }

    Subject resident(String login, long organisationId, Unit unit) {
        return resident(login, organisationId, unit, LocalDate.of(2020, 1, 1), null);
    }

    Subject staff(String login, Role role, ScopeType type, long id) {
        long accountId = account(login);
        return Subject.of(accountId, login, login, Locale.ENGLISH, Set.of(RoleGrant.scoped(role, type, id)));
    }
}
