package org.domus.core.internal.audience;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.sql.Connection;
import java.sql.Date;
import java.sql.PreparedStatement;
import java.sql.SQLException;
import java.sql.Timestamp;
import java.time.LocalDate;
import java.util.List;
import java.util.Locale;
import java.util.Set;
import org.domus.core.audience.AudienceTarget;
import org.domus.core.audience.AudienceTarget.Kind;
import org.domus.core.audience.Recipient;
import org.domus.core.internal.testing.CoreDatabase;
import org.junit.jupiter.api.Test;

/**
 * An organisation of 10 000 units, each with a current holder who has an account (written with JDBC batches:
 * the registry service would take minutes), answered by single queries. Prints the timings; the bound asserted
 * is loose (a shared build machine), the point is that the answer is complete and comes from one query.
 */
class AudienceScaleTest {

    private static final int BUILDINGS = 100;
    private static final int UNITS_PER_BUILDING = 100;
    private static final LocalDate DAY = LocalDate.of(2026, 3, 1);

    @Test
    void anOrganisationOfTenThousandUnitsIsAnsweredInOneQueryEach() throws SQLException {
        try (CoreDatabase db = new CoreDatabase()) {
            long[] buildings = fill(db);
            SqlAudience audience = SqlAudience.create(db.jpa, "cs");
            List<AudienceTarget> organisation = List.of(AudienceTarget.of(Kind.ORGANISATION, 1));
            audience.countResidents(organisation, DAY, Set.of()); // warm-up: statement compilation

            long start = System.nanoTime();
            long count = audience.countResidents(organisation, DAY, Set.of());
            long countMillis = (System.nanoTime() - start) / 1_000_000;
            start = System.nanoTime();
            List<Recipient> all = audience.residents(organisation, DAY, Set.of());
            long listMillis = (System.nanoTime() - start) / 1_000_000;
            start = System.nanoTime();
            List<Recipient> staircase =
                    audience.residents(List.of(AudienceTarget.staircase(buildings[7], "B")), DAY, Set.of());
            long staircaseMillis = (System.nanoTime() - start) / 1_000_000;

            System.out.printf(
                    Locale.ROOT,
                    "Audience at %d units: count %d ms, list of %d recipients %d ms, one staircase (%d) %d ms%n",
                    BUILDINGS * UNITS_PER_BUILDING,
                    countMillis,
                    all.size(),
                    listMillis,
                    staircase.size(),
                    staircaseMillis);
            assertEquals(BUILDINGS * UNITS_PER_BUILDING, count);
            assertEquals(BUILDINGS * UNITS_PER_BUILDING, all.size());
            assertEquals(UNITS_PER_BUILDING / 2, staircase.size());
            assertTrue(all.stream().allMatch(r -> r.unitIds().size() == 1));
            assertTrue(listMillis < 60_000, listMillis + " ms");
        }
    }

    /** One organisation, estate and 100 buildings of 100 units (staircases A and B), each unit held by one account. */
    private static long[] fill(CoreDatabase db) throws SQLException {
        long[] buildings = new long[BUILDINGS];
        try (Connection c = db.dataSource.getConnection()) {
            c.setAutoCommit(false);
            exec(c, "INSERT INTO CORE_ORGANISATION (ID, NAME, COUNTRY, CURRENCY) VALUES (1, 'Big', 'CZ', 'CZK')");
            exec(c, "INSERT INTO CORE_ESTATE (ID, ORGANISATION_ID, NAME, NAME_KEY) VALUES (1, 1, 'All', 'all')");
            try (PreparedStatement b = c.prepareStatement("INSERT INTO CORE_BUILDING (ID, ESTATE_ID, ORGANISATION_ID,"
                            + " STREET, STREET_KEY, HOUSE_NUMBER, NUMBER_KEY, CITY, COUNTRY)"
                            + " VALUES (?, 1, 1, 'Dlouhá', 'dlouha', ?, ?, 'Praha', 'CZ')");
                    PreparedStatement u = c.prepareStatement(
                            "INSERT INTO CORE_UNIT (ID, BUILDING_ID, ESTATE_ID,"
                                    + " ORGANISATION_ID, STREET_KEY, BUILDING_KEY, UNIT_NUMBER, NUMBER_KEY, KIND, AREA,"
                                    + " SHARE_NUM, SHARE_DEN, LEGAL_FORM, STATE, STAIRCASE)"
                                    + " VALUES (?, ?, 1, 1, 'dlouha', ?, ?, ?, 'FLAT', 50, 1, 100, 'OWNERSHIP', 'OCCUPIED', ?)");
                    PreparedStatement a = c.prepareStatement("INSERT INTO CORE_ACCOUNT (ID, LOGIN, DISPLAY_NAME,"
                            + " EMAIL, PASSWORD_HASH, STATUS, CREATED_AT) VALUES (?, ?, ?, ?, 'x', 'ACTIVE', ?)");
                    PreparedStatement p = c.prepareStatement("INSERT INTO CORE_PERSON (ID, ORGANISATION_ID, KIND,"
                            + " LAST_NAME, NAME_KEY, ACCOUNT_ID) VALUES (?, 1, 'NATURAL', ?, ?, ?)");
                    PreparedStatement t = c.prepareStatement("INSERT INTO CORE_TENURE (ID, UNIT_ID, PERSON_ID,"
                            + " ROLE_NAME, VALID_FROM) VALUES (?, ?, ?, 'OWNER', ?)")) {
                Timestamp now = Timestamp.valueOf("2026-01-01 00:00:00");
                Date from = Date.valueOf("2020-01-01");
                long id = 0;
                for (int i = 0; i < BUILDINGS; i++) {
                    long building = 1000 + i;
                    buildings[i] = building;
                    b.setLong(1, building);
                    b.setString(2, Integer.toString(i + 1));
                    b.setString(3, String.format(Locale.ROOT, "%05d", i + 1));
                    b.executeUpdate();
                    for (int k = 0; k < UNITS_PER_BUILDING; k++) {
                        id++;
                        u.setLong(1, id);
                        u.setLong(2, building);
                        u.setString(3, String.format(Locale.ROOT, "%05d", i + 1));
                        u.setString(4, Integer.toString(k + 1));
                        u.setString(5, String.format(Locale.ROOT, "%05d", k + 1));
                        u.setString(6, k < UNITS_PER_BUILDING / 2 ? "A" : "B");
                        u.addBatch();
                        a.setLong(1, id);
                        a.setString(2, "holder" + id);
                        a.setString(3, "Holder " + id);
                        a.setString(4, "holder" + id + "@example.org");
                        a.setTimestamp(5, now);
                        a.addBatch();
                        p.setLong(1, id);
                        p.setString(2, "Holder " + id);
                        p.setString(3, "holder " + id);
                        p.setLong(4, id);
                        p.addBatch();
                        t.setLong(1, id);
                        t.setLong(2, id);
                        t.setLong(3, id);
                        t.setDate(4, from);
                        t.addBatch();
                    }
                    u.executeBatch();
                    a.executeBatch();
                    p.executeBatch();
                    t.executeBatch();
                }
            }
            c.commit();
        }
        return buildings;
    }

    private static void exec(Connection c, String sql) throws SQLException {
        try (PreparedStatement s = c.prepareStatement(sql)) {
            s.executeUpdate();
        }
    }
}
