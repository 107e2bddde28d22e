package org.domus.core.internal.audience;

import java.sql.Connection;
import java.sql.Date;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Collection;
import java.util.EnumMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.Set;
import java.util.TreeSet;
import javax.persistence.EntityManager;
import javax.persistence.PersistenceException;
import org.apache.aries.jpa.template.JpaTemplate;
import org.apache.aries.jpa.template.TransactionType;
import org.domus.core.Role;
import org.domus.core.access.ScopeType;
import org.domus.core.account.AccountStatus;
import org.domus.core.audience.Audience;
import org.domus.core.audience.AudienceTarget;
import org.domus.core.audience.AudienceTarget.Kind;
import org.domus.core.audience.Recipient;
import org.domus.core.internal.account.IdentityConfig;
import org.domus.core.registry.TenureRole;
import org.domus.persistence.MigratedSchema;
import org.osgi.service.component.annotations.Activate;
import org.osgi.service.component.annotations.Component;
import org.osgi.service.component.annotations.Reference;

/**
 * {@link Audience} in plain SQL over the registry and identity tables. Every question is one set-based query
 * whatever the number of units addressed: the targets become one OR of {@code IN} lists over the unit row's
 * denormalised organisation, estate and building ids, so an announcement to an organisation of 10 000 units is
 * one join of tenures, persons and accounts, not a query per unit.
 */
@Component(service = Audience.class, configurationPid = IdentityConfig.PID)
public class SqlAudience implements Audience {

    static final String UNIT_TARGET = "(osgi.unit.name=domus.core)";
    static final String SCHEMA_TARGET = "(" + MigratedSchema.PROPERTY + "=org.domus.core)";

    /** Ids per {@code IN} list: large lists of chosen units are split, as Derby compiles each value. */
    static final int IN_CHUNK = 500;

    private static final Set<String> LANGUAGES = Set.of("en", "cs", "pl", "ro");

    private static final String ACCOUNT_COLUMNS = "a.ID, a.DISPLAY_NAME, a.EMAIL, a.LOCALE";

    /** Current tenures of active accounts' persons; the caller appends the target and role conditions. */
    private static final String HOLDINGS = " FROM CORE_TENURE t"
            + " JOIN CORE_UNIT u ON u.ID = t.UNIT_ID"
            + " JOIN CORE_PERSON p ON p.ID = t.PERSON_ID"
            + " JOIN CORE_ACCOUNT a ON a.ID = p.ACCOUNT_ID"
            + " WHERE a.STATUS = '" + AccountStatus.ACTIVE.name() + "'"
            + " AND t.VALID_FROM <= ? AND (t.VALID_TO IS NULL OR t.VALID_TO >= ?)";

    private final JpaTemplate jpa;
    private final Locale defaultLocale;

    @Activate
    public SqlAudience(
            @Reference(target = UNIT_TARGET) JpaTemplate jpa,
            @Reference(target = SCHEMA_TARGET) MigratedSchema schema,
            IdentityConfig config) {
        this(jpa, config.cooperativeLanguage());
    }

    SqlAudience(JpaTemplate jpa, String defaultLanguage) {
        this.jpa = Objects.requireNonNull(jpa);
        String language =
                defaultLanguage == null ? "en" : defaultLanguage.strip().toLowerCase(Locale.ROOT);
        this.defaultLocale = Locale.forLanguageTag(LANGUAGES.contains(language) ? language : "en");
    }

    /** For tests and tools outside OSGi; accounts without a language get {@code defaultLanguage}. */
    public static SqlAudience create(JpaTemplate jpa, String defaultLanguage) {
        return new SqlAudience(jpa, defaultLanguage);
    }

    @Override
    public List<Recipient> residents(Collection<AudienceTarget> targets, LocalDate day, Set<TenureRole> roles) {
        Objects.requireNonNull(day, "day");
        if (targets == null || targets.isEmpty()) {
            return List.of();
        }
        Query q = new Query("SELECT " + ACCOUNT_COLUMNS + ", u.ID AS UNIT_ID" + HOLDINGS, day);
        q.targets(targets).roles(roles).sql.append(" ORDER BY a.ID, u.ID");
        return read(c -> {
            List<Recipient> recipients = new ArrayList<>();
            try (PreparedStatement ps = q.prepare(c);
                    ResultSet rs = ps.executeQuery()) {
                long current = -1;
                Row row = null;
                Set<Long> units = new LinkedHashSet<>();
                while (rs.next()) {
                    long id = rs.getLong(1);
                    if (id != current) {
                        if (row != null) {
                            recipients.add(row.recipient(units));
                        }
                        current = id;
                        row = row(rs);
                        units = new LinkedHashSet<>();
                    }
                    units.add(rs.getLong(5));
                }
                if (row != null) {
                    recipients.add(row.recipient(units));
                }
            }
            return recipients;
        });
    }

    @Override
    public long countResidents(Collection<AudienceTarget> targets, LocalDate day, Set<TenureRole> roles) {
        Objects.requireNonNull(day, "day");
        if (targets == null || targets.isEmpty()) {
            return 0;
        }
        Query q = new Query("SELECT COUNT(DISTINCT a.ID)" + HOLDINGS, day);
        q.targets(targets).roles(roles);
        return read(c -> {
            try (PreparedStatement ps = q.prepare(c);
                    ResultSet rs = ps.executeQuery()) {
                rs.next();
                return rs.getLong(1);
            }
        });
    }

    @Override
    public boolean reaches(long accountId, Collection<AudienceTarget> targets, LocalDate day) {
        Objects.requireNonNull(day, "day");
        if (targets == null || targets.isEmpty()) {
            return false;
        }
        Query q = new Query("SELECT t.ID" + HOLDINGS + " AND a.ID = ?", day);
        q.parameters.add(accountId);
        q.targets(targets).sql.append(" FETCH FIRST 1 ROWS ONLY");
        return read(c -> {
            try (PreparedStatement ps = q.prepare(c);
                    ResultSet rs = ps.executeQuery()) {
                return rs.next();
            }
        });
    }

    @Override
    public List<Recipient> staff(long buildingId, Set<Role> roles) {
        Query q = new Query(
                "SELECT DISTINCT " + ACCOUNT_COLUMNS
                        + " FROM CORE_ACCOUNT_ROLE r"
                        + " JOIN CORE_ACCOUNT a ON a.ID = r.ACCOUNT_ID"
                        + " JOIN CORE_BUILDING b ON b.ID = ?"
                        + " WHERE a.STATUS = '" + AccountStatus.ACTIVE.name() + "'"
                        + " AND (r.SCOPE_TYPE IS NULL"
                        + " OR (r.SCOPE_TYPE = '" + ScopeType.ORGANISATION.name()
                        + "' AND r.SCOPE_ID = b.ORGANISATION_ID)"
                        + " OR (r.SCOPE_TYPE = '" + ScopeType.ESTATE.name() + "' AND r.SCOPE_ID = b.ESTATE_ID)"
                        + " OR (r.SCOPE_TYPE = '" + ScopeType.BUILDING.name() + "' AND r.SCOPE_ID = b.ID))",
                null);
        q.parameters.add(buildingId);
        return staff(q, roles);
    }

    @Override
    public List<Recipient> staffOfOrganisation(long organisationId, Set<Role> roles) {
        Query q = new Query(
                "SELECT DISTINCT " + ACCOUNT_COLUMNS
                        + " FROM CORE_ACCOUNT_ROLE r"
                        + " JOIN CORE_ACCOUNT a ON a.ID = r.ACCOUNT_ID"
                        + " WHERE a.STATUS = '" + AccountStatus.ACTIVE.name() + "'"
                        + " AND (r.SCOPE_TYPE IS NULL"
                        + " OR (r.SCOPE_TYPE = '" + ScopeType.ORGANISATION.name() + "' AND r.SCOPE_ID = ?)"
                        + " OR (r.SCOPE_TYPE = '" + ScopeType.ESTATE.name() + "' AND r.SCOPE_ID IN"
                        + " (SELECT e.ID FROM CORE_ESTATE e WHERE e.ORGANISATION_ID = ?))"
                        + " OR (r.SCOPE_TYPE = '" + ScopeType.BUILDING.name() + "' AND r.SCOPE_ID IN"
                        + " (SELECT b.ID FROM CORE_BUILDING b WHERE b.ORGANISATION_ID = ?)))",
                null);
        q.parameters.add(organisationId);
        q.parameters.add(organisationId);
        q.parameters.add(organisationId);
        return staff(q, roles);
    }

    /** Staff roles only: residents are found through their tenures, never through a role row. */
    private List<Recipient> staff(Query q, Set<Role> roles) {
        Set<Role> wanted = new TreeSet<>(roles == null || roles.isEmpty() ? Set.of(Role.values()) : roles);
        wanted.remove(Role.RESIDENT);
        if (wanted.isEmpty()) {
            return List.of();
        }
        q.in("r.ROLE_NAME", wanted.stream().map(Role::name).toList());
        q.sql.append(" ORDER BY a.ID");
        return read(c -> {
            List<Recipient> recipients = new ArrayList<>();
            try (PreparedStatement ps = q.prepare(c);
                    ResultSet rs = ps.executeQuery()) {
                while (rs.next()) {
                    recipients.add(row(rs).recipient(Set.of()));
                }
            }
            return recipients;
        });
    }

    @Override
    public Optional<Recipient> account(long accountId) {
        return read(c -> {
            try (PreparedStatement ps = c.prepareStatement("SELECT " + ACCOUNT_COLUMNS + " FROM CORE_ACCOUNT a"
                    + " WHERE a.ID = ? AND a.STATUS = '" + AccountStatus.ACTIVE.name() + "'")) {
                ps.setLong(1, accountId);
                try (ResultSet rs = ps.executeQuery()) {
                    return rs.next() ? Optional.of(row(rs).recipient(Set.of())) : Optional.<Recipient>empty();
                }
            }
        });
    }

    @Override
    public List<String> staircases(long buildingId) {
        return read(c -> {
            List<String> labels = new ArrayList<>();
            try (PreparedStatement ps = c.prepareStatement("SELECT DISTINCT STAIRCASE FROM CORE_UNIT"
                    + " WHERE BUILDING_ID = ? AND STAIRCASE IS NOT NULL ORDER BY STAIRCASE")) {
                ps.setLong(1, buildingId);
                try (ResultSet rs = ps.executeQuery()) {
                    while (rs.next()) {
                        labels.add(rs.getString(1));
                    }
                }
            }
            return labels;
        });
    }

    private Row row(ResultSet rs) throws SQLException {
        String tag = rs.getString(4);
        Locale locale = tag == null || tag.isBlank() ? defaultLocale : Locale.forLanguageTag(tag);
        return new Row(rs.getLong(1), rs.getString(2), rs.getString(3), locale);
    }

    private record Row(long accountId, String displayName, String email, Locale locale) {
        Recipient recipient(Set<Long> units) {
            return new Recipient(
                    accountId, displayName, Optional.ofNullable(email).filter(e -> !e.isBlank()), locale, units);
        }
    }

    private interface Work<T> {
        T run(Connection c) throws SQLException;
    }

    private <T> T read(Work<T> work) {
        return jpa.txExpr(TransactionType.Required, em -> {
            try {
                return work.run(connection(em));
            } catch (SQLException e) {
                throw new PersistenceException("audience query failed", e);
            }
        });
    }

    private static Connection connection(EntityManager em) {
        Connection c = em.unwrap(Connection.class);
        if (c == null) {
            throw new IllegalStateException("audience queries run inside a transaction");
        }
        return c;
    }

    /** SQL text and its positional parameters, built together so that they cannot drift apart. */
    private static final class Query {

        final StringBuilder sql;
        final List<Object> parameters = new ArrayList<>();

        Query(String select, LocalDate day) {
            this.sql = new StringBuilder(select);
            if (day != null) {
                parameters.add(Date.valueOf(day));
                parameters.add(Date.valueOf(day));
            }
        }

        /** Any target matches: one OR over the kinds, each kind one IN list (chunked) of its ids. */
        Query targets(Collection<AudienceTarget> targets) {
            Map<Kind, Set<Long>> ids = new EnumMap<>(Kind.class);
            Set<AudienceTarget> staircases = new LinkedHashSet<>();
            for (AudienceTarget target : targets) {
                Objects.requireNonNull(target, "target");
                if (target.kind() == Kind.STAIRCASE) {
                    staircases.add(target);
                } else {
                    ids.computeIfAbsent(target.kind(), k -> new TreeSet<>()).add(target.id());
                }
            }
            List<String> alternatives = new ArrayList<>();
            ids.forEach((kind, values) -> {
                String column =
                        switch (kind) {
                            case ORGANISATION -> "u.ORGANISATION_ID";
                            case ESTATE -> "u.ESTATE_ID";
                            case BUILDING -> "u.BUILDING_ID";
                            case UNIT -> "u.ID";
                            case STAIRCASE -> throw new IllegalStateException();
                        };
                List<Long> list = List.copyOf(values);
                for (int from = 0; from < list.size(); from += IN_CHUNK) {
                    List<Long> chunk = list.subList(from, Math.min(list.size(), from + IN_CHUNK));
                    alternatives.add(column + " IN (" + marks(chunk.size()) + ")");
                    parameters.addAll(chunk);
                }
            });
            for (AudienceTarget staircase : staircases) {
                alternatives.add("(u.BUILDING_ID = ? AND u.STAIRCASE = ?)");
                parameters.add(staircase.id());
                parameters.add(staircase.staircase());
            }
            sql.append(" AND (").append(String.join(" OR ", alternatives)).append(')');
            return this;
        }

        /** Only these tenure roles; none means all. */
        Query roles(Set<TenureRole> roles) {
            if (roles != null && !roles.isEmpty()) {
                in(
                        "t.ROLE_NAME",
                        new TreeSet<>(roles).stream().map(TenureRole::name).toList());
            }
            return this;
        }

        Query in(String column, List<String> values) {
            sql.append(" AND ")
                    .append(column)
                    .append(" IN (")
                    .append(marks(values.size()))
                    .append(')');
            parameters.addAll(values);
            return this;
        }

        PreparedStatement prepare(Connection c) throws SQLException {
            PreparedStatement ps = c.prepareStatement(sql.toString());
            try {
                for (int i = 0; i < parameters.size(); i++) {
                    Object value = parameters.get(i);
                    if (value instanceof Long l) {
                        ps.setLong(i + 1, l);
                    } else if (value instanceof Date d) {
                        ps.setDate(i + 1, d);
                    } else {
                        ps.setString(i + 1, (String) value);
                    }
                }
                return ps;
            } catch (SQLException e) {
                ps.close();
                throw e;
            }
        }

        private static String marks(int n) {
            return String.join(", ", java.util.Collections.nCopies(n, "?"));
        }
    }
}
