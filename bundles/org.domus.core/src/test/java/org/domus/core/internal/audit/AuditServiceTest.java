package org.domus.core.internal.audit;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.Timestamp;
import java.time.Duration;
import java.time.Instant;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import org.domus.core.DomusException;
import org.domus.core.Role;
import org.domus.core.Subject;
import org.domus.core.access.RoleGrant;
import org.domus.core.audit.AuditEvent;
import org.domus.core.audit.AuditEvent.FieldChange;
import org.domus.core.audit.AuditFilter;
import org.domus.core.internal.access.RoleBasedAccessPolicy;
import org.domus.core.internal.account.Audit;
import org.domus.core.internal.registry.RegistryGrants;
import org.domus.core.internal.testing.CoreDatabase;
import org.domus.core.registry.Page;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

class AuditServiceTest {

    static final Subject ADMIN =
            Subject.of(1, "admin", "Admin", Locale.ENGLISH, Set.of(RoleGrant.everywhere(Role.ADMIN)));
    static final Subject MANAGER =
            Subject.of(2, "eva.manager", "Eva", Locale.ENGLISH, Set.of(RoleGrant.everywhere(Role.MANAGER)));
    static final Subject BOARD =
            Subject.of(3, "board", "Board", Locale.ENGLISH, Set.of(RoleGrant.everywhere(Role.BOARD)));
    static final Instant T0 = Instant.parse("2026-03-01T10:00:00Z");

    private CoreDatabase db;
    private AuditServiceImpl audit;

    @BeforeEach
    void setUp() {
        db = new CoreDatabase();
        audit = AuditServiceImpl.create(db.jpa, new RoleBasedAccessPolicy(List.of(new RegistryGrants())));
    }

    @AfterEach
    void tearDown() {
        db.close();
    }

    private void record(
            Subject actor,
            Instant at,
            String action,
            String type,
            Object id,
            Map<String, ?> before,
            Map<String, ?> after) {
        db.jpa.tx(em -> Audit.record(em, actor, at, action, type, id, before, after));
    }

    private static Map<String, Object> person(String email, String phone) {
        Map<String, Object> m = new LinkedHashMap<>();
        m.put("firstName", "Jana");
        m.put("email", email);
        m.put("phone", phone);
        m.put("roles", List.of("OWNER", "MEMBER"));
        return m;
    }

    /** Ten events an hour apart: persons 1..5 updated by the manager, accounts created by the admin. */
    private void tenEvents() {
        for (int i = 0; i < 10; i++) {
            Instant at = T0.plus(Duration.ofHours(i));
            if (i % 2 == 0) {
                record(
                        MANAGER,
                        at,
                        "registry.person.update",
                        "person",
                        i / 2 + 1,
                        person("old" + i + "@example.org", "+420 1"),
                        person("new" + i + "@example.org", "+420 1"));
            } else {
                record(ADMIN, at, "account.create", "account", 100 + i, null, Map.of("login", "user" + i));
            }
        }
    }

    @Test
    void pagesAreNewestFirstWithTheTotal() {
        tenEvents();
        Page<AuditEvent> first = audit.events(ADMIN, AuditFilter.NONE, 0, 4);
        assertEquals(10, first.total());
        assertEquals(4, first.items().size());
        assertEquals(T0.plus(Duration.ofHours(9)), first.items().get(0).occurredAt());
        assertEquals(T0.plus(Duration.ofHours(6)), first.items().get(3).occurredAt());
        Page<AuditEvent> last = audit.events(ADMIN, AuditFilter.NONE, 8, 4);
        assertEquals(2, last.items().size());
        assertEquals(T0, last.items().get(1).occurredAt());
        assertTrue(audit.events(ADMIN, AuditFilter.NONE, 10, 4).items().isEmpty());
        assertEquals(10, audit.count(ADMIN, AuditFilter.NONE));
    }

    @Test
    void filtersByActorEntityActionAndTime() {
        tenEvents();
        assertEquals(5, audit.count(ADMIN, new AuditFilter("EVA", null, null, null, null, null)));
        assertEquals(0, audit.count(ADMIN, new AuditFilter("manager", null, null, null, null, null)));
        assertEquals(5, audit.count(ADMIN, new AuditFilter(null, "account", null, null, null, null)));
        Page<AuditEvent> one = audit.events(ADMIN, new AuditFilter(null, "person", "3", null, null, null), 0, 10);
        assertEquals(1, one.total());
        assertEquals("3", one.items().get(0).entityId());
        assertEquals(T0.plus(Duration.ofHours(4)), one.items().get(0).occurredAt());
        assertEquals(5, audit.count(ADMIN, new AuditFilter(null, null, null, "registry.person", null, null)));
        assertEquals(0, audit.count(ADMIN, new AuditFilter(null, null, null, "registry_person", null, null)));
        // from inclusive, to exclusive
        AuditFilter window =
                new AuditFilter(null, null, null, null, T0.plus(Duration.ofHours(2)), T0.plus(Duration.ofHours(5)));
        Page<AuditEvent> inWindow = audit.events(ADMIN, window, 0, 10);
        assertEquals(3, inWindow.total());
        assertEquals(T0.plus(Duration.ofHours(4)), inWindow.items().get(0).occurredAt());
        assertEquals(T0.plus(Duration.ofHours(2)), inWindow.items().get(2).occurredAt());
        AuditFilter all =
                new AuditFilter("eva", "person", null, "registry.person.update", T0, T0.plus(Duration.ofDays(1)));
        assertEquals(5, audit.count(ADMIN, all));
        assertEquals(List.of("account", "person"), audit.entityTypes(ADMIN));
    }

    @Test
    void changesListEveryFieldAndMarkTheChangedOnes() {
        tenEvents();
        AuditEvent update = audit.events(ADMIN, new AuditFilter(null, "person", "1", null, null, null), 0, 1)
                .items()
                .get(0);
        Map<String, FieldChange> byField = new LinkedHashMap<>();
        update.changes().forEach(c -> byField.put(c.field(), c));
        assertEquals(Set.of("email", "firstName", "phone", "roles"), byField.keySet());
        assertTrue(byField.get("email").changed());
        assertEquals("old0@example.org", byField.get("email").before());
        assertEquals("new0@example.org", byField.get("email").after());
        assertFalse(byField.get("phone").changed());
        assertEquals("[OWNER, MEMBER]", byField.get("roles").after());

        AuditEvent created = audit.events(ADMIN, new AuditFilter(null, "account", null, null, null, null), 0, 1)
                .items()
                .get(0);
        assertNull(created.before());
        assertEquals(List.of(new FieldChange("login", null, "user9", true)), created.changes());
        assertEquals(ADMIN.accountId(), created.actorId());
        assertEquals("admin", created.actorLogin());
    }

    @Test
    void onlyAdministratorsReadTheTrail() {
        tenEvents();
        for (Subject other : List.of(MANAGER, BOARD)) {
            DomusException e = assertThrows(DomusException.class, () -> audit.events(other, AuditFilter.NONE, 0, 10));
            assertEquals(DomusException.Kind.FORBIDDEN, e.kind());
            assertThrows(DomusException.class, () -> audit.count(other, AuditFilter.NONE));
            assertThrows(DomusException.class, () -> audit.entityTypes(other));
        }
    }

    @Test
    void badPagesAndRangesAreRefused() {
        assertEquals(
                DomusException.Kind.INVALID,
                assertThrows(DomusException.class, () -> audit.events(ADMIN, AuditFilter.NONE, -1, 10))
                        .kind());
        assertThrows(DomusException.class, () -> audit.events(ADMIN, AuditFilter.NONE, 0, 0));
        assertThrows(DomusException.class, () -> audit.events(ADMIN, AuditFilter.NONE, 0, 501));
        DomusException range = assertThrows(
                DomusException.class,
                () -> audit.count(ADMIN, new AuditFilter(null, null, null, null, T0.plusSeconds(1), T0)));
        assertEquals("audit.range.invalid", range.messageKey());
    }

    /** 100,000 events: the first and a deep page, filtered and not, in well under a second each. */
    @Test
    void aHundredThousandEventsPageQuickly() throws Exception {
        int n = 100_000;
        try (Connection c = db.dataSource.getConnection();
                PreparedStatement s = c.prepareStatement("INSERT INTO CORE_AUDIT_EVENT (ACTOR_ID, ACTOR_LOGIN,"
                        + " OCCURRED_AT, ACTION_NAME, ENTITY_TYPE, ENTITY_ID, BEFORE_STATE, AFTER_STATE)"
                        + " VALUES (?, ?, ?, ?, ?, ?, ?, ?)")) {
            c.setAutoCommit(false);
            for (int i = 0; i < n; i++) {
                s.setLong(1, i % 50);
                s.setString(2, "user" + (i % 50));
                s.setTimestamp(
                        3,
                        Timestamp.valueOf(
                                java.time.LocalDateTime.ofInstant(T0.plusSeconds(i * 60L), java.time.ZoneOffset.UTC)));
                s.setString(4, i % 3 == 0 ? "registry.person.update" : "registry.unit.update");
                s.setString(5, i % 3 == 0 ? "person" : "unit");
                s.setString(6, Integer.toString(i % 5000));
                s.setString(7, "{\"area\":\"" + i + "\"}");
                s.setString(8, "{\"area\":\"" + (i + 1) + "\"}");
                s.addBatch();
                if (i % 5000 == 4999) {
                    s.executeBatch();
                }
            }
            c.commit();
        }
        audit.events(ADMIN, AuditFilter.NONE, 0, 50); // warm up
        long t0 = System.nanoTime();
        Page<AuditEvent> first = audit.events(ADMIN, AuditFilter.NONE, 0, 50);
        long t1 = System.nanoTime();
        Page<AuditEvent> deep = audit.events(ADMIN, AuditFilter.NONE, 90_000, 50);
        long t2 = System.nanoTime();
        AuditFilter day =
                new AuditFilter(null, "person", null, null, T0.plus(Duration.ofDays(30)), T0.plus(Duration.ofDays(31)));
        Page<AuditEvent> filtered = audit.events(ADMIN, day, 0, 50);
        long t3 = System.nanoTime();
        Page<AuditEvent> byEntity = audit.events(ADMIN, new AuditFilter(null, "unit", "4001", null, null, null), 0, 50);
        long t4 = System.nanoTime();
        long all = audit.count(ADMIN, AuditFilter.NONE);
        long t5 = System.nanoTime();
        assertEquals(n, all);
        assertEquals(n, first.total());
        assertEquals(T0.plusSeconds((n - 1) * 60L), first.items().get(0).occurredAt());
        assertEquals(T0.plusSeconds((n - 1 - 90_000) * 60L), deep.items().get(0).occurredAt());
        assertEquals(480, filtered.total());
        long unit4001 = java.util.stream.IntStream.range(0, n)
                .filter(i -> i % 5000 == 4001 && i % 3 != 0)
                .count();
        assertEquals(unit4001, byEntity.total());
        System.out.printf(
                "audit trail of %,d events: first page %d ms, page at 90,000 %d ms, one day of persons %d ms,"
                        + " one unit %d ms, count alone %d ms%n",
                n, ms(t0, t1), ms(t1, t2), ms(t2, t3), ms(t3, t4), ms(t4, t5));
        assertTrue(ms(t0, t1) < 2000 && ms(t1, t2) < 2000 && ms(t2, t3) < 2000 && ms(t3, t4) < 2000);
    }

    private static long ms(long from, long to) {
        return (to - from) / 1_000_000;
    }
}
