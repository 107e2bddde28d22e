package org.domus.testing;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.math.BigDecimal;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.util.List;
import java.util.Map;
import javax.persistence.EntityManagerFactory;
import org.domus.core.internal.registry.RegistryGrants;
import org.domus.core.registry.Building;
import org.domus.core.registry.Estate;
import org.domus.core.registry.Organisation;
import org.domus.core.registry.Person;
import org.domus.core.registry.Share;
import org.domus.core.registry.TenureRole;
import org.domus.core.registry.Unit;
import org.junit.jupiter.api.Test;

class DomusTestDatabaseTest {

    private static final Instant START = Instant.parse("2026-03-06T08:00:00Z");

    @Test
    void helpersMakeRegistryObjectsWithTheirFixedDetailsThroughTheRealRegistry() {
        try (DomusTestDatabase db =
                new DomusTestDatabase("fixture", new MutableClock(START), List.of(new RegistryGrants()))) {
            Organisation org = db.organisation("SBD Test", "SK");
            assertEquals("CZK", org.currency());
            assertEquals("EUR", db.organisation("SBD Euro", "SK", "EUR").currency());
            Estate estate = db.estate(org.id(), "North");
            Building brno = db.building(estate.id(), "Lidická", "12");
            assertEquals("Brno", brno.city());
            assertEquals(0, new BigDecimal("49.195").compareTo(brno.latitude()));
            Building unknown = db.building(estate.id(), "Main", "1", null, null);
            assertNull(unknown.latitude());
            assertNull(unknown.longitude());
            Unit flat = db.unit(brno.id(), "1");
            assertEquals(0, new BigDecimal("60").compareTo(flat.area()));
            assertEquals(new Share(1, 10), flat.share());
            Unit large = db.unit(brno.id(), "2", "84.5", new Share(1, 4));
            assertEquals(0, new BigDecimal("84.5").compareTo(large.area()));

            long jana = db.insertAccount("jana", "Jana Nováková", "jana@example.org", "cs");
            long petr = db.insertAccount("petr");
            Person person = db.person(org.id(), "Jana", jana);
            assertEquals(jana, person.accountId());
            db.holdSince2020(person, TenureRole.OWNER, flat, large);
            db.tenure(
                    db.unit(brno.id(), "3"),
                    db.person(org.id(), "Petr", petr),
                    TenureRole.TENANT,
                    LocalDate.of(2021, 1, 1),
                    null);

            Map<String, Object> account = db.rows(
                            "SELECT email, locale, display_name FROM CORE_ACCOUNT WHERE ID = " + jana)
                    .get(0);
            assertEquals(Map.of("EMAIL", "jana@example.org", "LOCALE", "cs", "DISPLAY_NAME", "Jana Nováková"), account);
            Map<String, Object> plain = db.rows(
                            "SELECT EMAIL, LOCALE, DISPLAY_NAME FROM CORE_ACCOUNT WHERE ID = " + petr)
                    .get(0);
            assertNull(plain.get("EMAIL"));
            assertNull(plain.get("LOCALE"));
            assertEquals("petr", plain.get("DISPLAY_NAME"));
            assertEquals(3, db.count("SELECT COUNT(*) FROM CORE_TENURE"));
            assertEquals(
                    2,
                    db.count("SELECT COUNT(*) FROM CORE_TENURE WHERE PERSON_ID = " + person.id()
                            + " AND VALID_FROM = DATE('2020-01-01') AND VALID_TO IS NULL"));
        }
    }

    @Test
    void rowsReadClobsAsStringsAndExecuteWrites() {
        try (DomusTestDatabase db = new DomusTestDatabase("fixture-clob")) {
            db.execute("CREATE TABLE T_NOTE (ID INT, BODY CLOB)");
            db.execute("INSERT INTO T_NOTE VALUES (1, 'a long text')");
            assertEquals(List.of(Map.of("ID", 1, "BODY", "a long text")), db.rows("SELECT * FROM T_NOTE"));
            assertThrows(IllegalStateException.class, () -> db.count("SELECT ID FROM T_NOTE WHERE ID = 2"));
        }
    }

    @Test
    void withoutTheRegistryOnlyTheSchemaAndTheUnitsAskedForExist() {
        EntityManagerFactory unit;
        try (DomusTestDatabase db = new DomusTestDatabase("fixture-plain")) {
            assertNull(db.coreEmf);
            assertNull(db.registry);
            assertNull(db.policy);
            assertThrows(IllegalStateException.class, () -> db.organisation("SBD", "CZ"));
            assertEquals(0, db.count("SELECT COUNT(*) FROM CORE_ACCOUNT"));
            unit = db.persistenceUnit("domus.core");
            assertTrue(unit.isOpen());
        }
        assertFalse(unit.isOpen(), "the persistence units close with the database");
    }

    @Test
    void theClockMovesOnlyWhenTheTestMovesIt() {
        MutableClock clock = new MutableClock(START);
        assertEquals(ZoneOffset.UTC, clock.getZone());
        assertEquals(START, clock.instant());
        clock.plusSeconds(30);
        clock.plusMinutes(2);
        clock.plusHours(1);
        assertEquals(START.plusSeconds(3600 + 120 + 30), clock.instant());
        clock.set(START);
        assertEquals(START, clock.instant());
        assertEquals(clock, clock.withZone(ZoneOffset.ofHours(1)));
    }
}
