package org.domus.communications.internal.notify;

import java.sql.Connection;
import java.sql.Date;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Collection;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.TreeMap;
import java.util.TreeSet;
import javax.sql.DataSource;
import org.domus.core.Role;
import org.domus.core.audience.Audience;
import org.domus.core.audience.AudienceTarget;
import org.domus.core.audience.Recipient;
import org.domus.core.registry.TenureRole;

/**
 * The platform's audience for unit targets and single accounts, read from the platform's tables (the platform's
 * own implementation is tested in the platform; notifications only address units and accounts). Other targets
 * are refused so that a test relying on them fails loudly.
 */
final class RegistryAudience implements Audience {

    private final DataSource dataSource;

    RegistryAudience(DataSource dataSource) {
        this.dataSource = dataSource;
    }

    @Override
    public List<Recipient> residents(Collection<AudienceTarget> targets, LocalDate day, Set<TenureRole> roles) {
        Map<Long, Set<Long>> units = new TreeMap<>();
        for (AudienceTarget t : targets) {
            if (t.kind() != AudienceTarget.Kind.UNIT) {
                throw new UnsupportedOperationException("only unit targets in these tests: " + t);
            }
            try (Connection c = dataSource.getConnection();
                    PreparedStatement ps = c.prepareStatement("SELECT p.ACCOUNT_ID, t.ROLE_NAME FROM CORE_TENURE t"
                            + " JOIN CORE_PERSON p ON p.ID = t.PERSON_ID JOIN CORE_ACCOUNT a ON a.ID = p.ACCOUNT_ID"
                            + " WHERE t.UNIT_ID = ? AND t.VALID_FROM <= ? AND (t.VALID_TO IS NULL OR t.VALID_TO >= ?)"
                            + " AND a.STATUS = 'ACTIVE'")) {
                ps.setLong(1, t.id());
                ps.setDate(2, Date.valueOf(day));
                ps.setDate(3, Date.valueOf(day));
                try (ResultSet rs = ps.executeQuery()) {
                    while (rs.next()) {
                        if (roles.isEmpty() || roles.contains(TenureRole.valueOf(rs.getString(2)))) {
                            units.computeIfAbsent(rs.getLong(1), a -> new TreeSet<>())
                                    .add(t.id());
                        }
                    }
                }
            } catch (SQLException e) {
                throw new IllegalStateException(e);
            }
        }
        List<Recipient> out = new ArrayList<>();
        units.forEach((account, ids) -> account(account)
                .ifPresent(r -> out.add(new Recipient(r.accountId(), r.displayName(), r.email(), r.locale(), ids))));
        return out;
    }

    @Override
    public long countResidents(Collection<AudienceTarget> targets, LocalDate day, Set<TenureRole> roles) {
        return residents(targets, day, roles).size();
    }

    @Override
    public boolean reaches(long accountId, Collection<AudienceTarget> targets, LocalDate day) {
        return residents(targets, day, Set.of()).stream().anyMatch(r -> r.accountId() == accountId);
    }

    @Override
    public List<Recipient> staff(long buildingId, Set<Role> roles) {
        throw new UnsupportedOperationException("not used by notifications");
    }

    @Override
    public List<Recipient> staffOfOrganisation(long organisationId, Set<Role> roles) {
        throw new UnsupportedOperationException("not used by notifications");
    }

    @Override
    public Optional<Recipient> account(long accountId) {
        try (Connection c = dataSource.getConnection();
                PreparedStatement ps = c.prepareStatement("SELECT DISPLAY_NAME, EMAIL, LOCALE FROM CORE_ACCOUNT"
                        + " WHERE ID = ? AND STATUS = 'ACTIVE'")) {
            ps.setLong(1, accountId);
            try (ResultSet rs = ps.executeQuery()) {
                if (!rs.next()) {
                    return Optional.empty();
                }
                String locale = rs.getString(3);
                return Optional.of(new Recipient(
                        accountId,
                        rs.getString(1),
                        Optional.ofNullable(rs.getString(2)),
                        locale == null ? Locale.ENGLISH : Locale.forLanguageTag(locale),
                        Set.of()));
            }
        } catch (SQLException e) {
            throw new IllegalStateException(e);
        }
    }

    @Override
    public List<String> staircases(long buildingId) {
        throw new UnsupportedOperationException("not used by notifications");
    }
}
