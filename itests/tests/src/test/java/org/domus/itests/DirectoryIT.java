package org.domus.itests;

import static org.junit.Assert.assertEquals;
import static org.junit.Assert.assertFalse;
import static org.junit.Assert.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import java.util.Dictionary;
import java.util.Hashtable;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import javax.inject.Inject;
import org.domus.core.Role;
import org.domus.core.access.RoleGrant;
import org.domus.core.access.ScopeType;
import org.domus.core.registry.RegistryService;
import org.junit.Test;
import org.junit.runner.RunWith;
import org.ops4j.pax.exam.Configuration;
import org.ops4j.pax.exam.Option;
import org.ops4j.pax.exam.junit.PaxExam;
import org.ops4j.pax.exam.spi.reactors.ExamReactorStrategy;
import org.ops4j.pax.exam.spi.reactors.PerClass;

/**
 * The contact directory over REST in the running distribution: an organisation's manager keeps emergency
 * numbers, an office and staff contacts for the organisation, the estate and two buildings; each resident gets
 * only their own building's entries (a building's number of a kind replacing the estate's), never the other
 * building's; residents get 404 and the other building's manager 403 for entries outside their reach; bad
 * input is a 4xx problem naming the fields and writes nothing; the routes are in the OpenAPI document.
 */
@RunWith(PaxExam.class)
@ExamReactorStrategy(PerClass.class)
public class DirectoryIT extends TicketsTestSupport {

    private static final String BASE = "/communications/directory";

    @Inject
    protected RegistryService registry;

    @Configuration
    public Option[] config() {
        return distribution();
    }

    private void installCommunications(String token) throws Exception {
        Dictionary<String, Object> properties = new Hashtable<>();
        properties.put("modules", "communications:headless");
        configurationAdmin.getConfiguration("org.domus.modules", null).update(properties);
        await("communications REST", WAIT, () -> statusOf("/api" + BASE + "/mine", token) == 200);
    }

    private static Map<String, Object> scope(String type, long id) {
        return Map.of("type", type, "id", id);
    }

    private JsonNode emergency(String token, Map<String, Object> scope, String kind, String company, String phone)
            throws Exception {
        return expect(
                201,
                call(
                        "POST",
                        BASE + "/emergency",
                        token,
                        Map.of("scope", scope, "kind", kind, "company", company, "phone", phone)));
    }

    private static Set<String> companies(JsonNode building) {
        Set<String> names = new TreeSet<>();
        building.path("emergency").forEach(e -> names.add(e.path("company").asText()));
        return names;
    }

    @Test
    public void residentsGetOnlyTheirBuildingsContactsAndRefusedInputWritesNothing() throws Exception {
        RegistryFixture w = new RegistryFixture(registry, accounts, tokens, totp());
        installCommunications(w.residentA);
        long org = w.organisation.id();
        String office = login("office", Set.of(RoleGrant.scoped(Role.MANAGER, ScopeType.ORGANISATION, org)))
                .token();

        JsonNode liftA = emergency(office, scope("BUILDING", w.buildingA.id()), "LIFT", "Výtahy A", "+420 800 100 001");
        JsonNode liftB = emergency(office, scope("BUILDING", w.buildingB.id()), "LIFT", "Výtahy B", "+420 800 100 002");
        emergency(office, scope("ORGANISATION", org), "GAS", "GasNet", "1239");
        emergency(office, scope("ESTATE", w.estate.id()), "WATER", "PVK", "+420 840 111 112");
        emergency(office, scope("BUILDING", w.buildingA.id()), "WATER", "Instalatér A", "+420 777 000 111");
        expect(
                201,
                call(
                        "POST",
                        BASE + "/staff",
                        office,
                        Map.of(
                                "scope", scope("BUILDING", w.buildingB.id()),
                                "name", "Eva Dvořáková",
                                "role", "Správce domu",
                                "email", "eva@example.com")));
        JsonNode opened = expect(
                201,
                call(
                        "POST",
                        BASE + "/offices",
                        office,
                        Map.of(
                                "scope",
                                scope("ORGANISATION", org),
                                "name",
                                "Kancelář družstva",
                                "phone",
                                "+420 266 000 111",
                                "hours",
                                List.of(
                                        Map.of("day", "MONDAY", "from", "08:00", "to", "12:00"),
                                        Map.of("day", "MONDAY", "from", "13:00", "to", "17:00"),
                                        Map.of("day", "WEDNESDAY", "from", "08:00", "to", "18:00")))));
        assertEquals(3, opened.path("hours").size());

        // resident A: building A only; its own water number replaces the estate's
        JsonNode mineA = expect(200, call("GET", BASE + "/mine", w.residentA, null));
        assertEquals(1, mineA.size());
        assertEquals(w.buildingA.id(), mineA.get(0).path("buildingId").asLong());
        assertEquals(Set.of("GasNet", "Instalatér A", "Výtahy A"), companies(mineA.get(0)));
        assertEquals(0, mineA.get(0).path("staff").size());
        JsonNode officeA = mineA.get(0).path("offices").get(0);
        assertEquals("Kancelář družstva", officeA.path("office").path("name").asText());
        assertEquals("Europe/Prague", officeA.path("zone").asText());
        assertTrue(officeA.has("openNow"));
        assertFalse(mineA.toString(), mineA.toString().contains("Výtahy B"));
        // resident B: building B with the estate's water number and its building manager
        JsonNode mineB = expect(200, call("GET", BASE + "/mine", w.residentB, null));
        assertEquals(Set.of("GasNet", "PVK", "Výtahy B"), companies(mineB.get(0)));
        assertEquals(
                "Správce domu", mineB.get(0).path("staff").get(0).path("role").asText());
        assertFalse(mineB.toString(), mineB.toString().contains("Instalatér A"));

        // residents: 404 for the staff routes and anything not addressed to them
        long rows = count("COMM_EMERGENCY_CONTACT", "ORGANISATION_ID = " + org);
        expectProblem(
                call("GET", BASE + "/emergency/" + liftB.path("id").asLong(), w.residentA, null), 404, null, null);
        expectProblem(call("GET", BASE + "/emergency?organisationId=" + org, w.residentA, null), 404, null, null);
        expectProblem(
                call(
                        "PUT",
                        BASE + "/emergency/" + liftA.path("id").asLong(),
                        w.residentA,
                        Map.of(
                                "scope", scope("BUILDING", w.buildingA.id()),
                                "kind", "LIFT",
                                "company", "Hijacked",
                                "phone", "112",
                                "version", liftA.path("version").asLong())),
                404,
                null,
                null);
        // the manager of building A: reads and keeps building A's entries, 403 for building B's
        expectProblem(call("GET", BASE + "/emergency/" + liftB.path("id").asLong(), w.managerA, null), 403, null, null);
        expectProblem(
                call(
                        "DELETE",
                        BASE + "/emergency/" + liftB.path("id").asLong() + "?version="
                                + liftB.path("version").asLong(),
                        w.managerA,
                        null),
                403,
                null,
                null);
        expectProblem(
                call(
                        "POST",
                        BASE + "/emergency",
                        w.managerA,
                        Map.of(
                                "scope", scope("BUILDING", w.buildingB.id()),
                                "kind", "GAS",
                                "company", "X",
                                "phone", "1239")),
                403,
                null,
                null);
        JsonNode readable = expect(200, call("GET", BASE + "/emergency?organisationId=" + org, w.managerA, null));
        assertFalse(readable.toString(), readable.toString().contains("Výtahy B"));
        assertTrue(readable.toString(), readable.toString().contains("GasNet"));
        JsonNode changed = expect(
                200,
                call(
                        "PUT",
                        BASE + "/emergency/" + liftA.path("id").asLong(),
                        w.managerA,
                        Map.of(
                                "scope", scope("BUILDING", w.buildingA.id()),
                                "kind", "LIFT",
                                "company", "Výtahy A s.r.o.",
                                "phone", "+420 800 100 001",
                                "version", liftA.path("version").asLong())));
        assertTrue(changed.path("version").asLong() > liftA.path("version").asLong());
        // a stale version is a conflict
        expectProblem(
                call(
                        "PUT",
                        BASE + "/emergency/" + liftA.path("id").asLong(),
                        office,
                        Map.of(
                                "scope", scope("BUILDING", w.buildingA.id()),
                                "kind", "LIFT",
                                "company", "Stale",
                                "phone", "112",
                                "version", liftA.path("version").asLong())),
                409,
                "communications.directory.stale",
                null);

        // refused input: every bad field named, nothing written
        long offices = count("COMM_OFFICE", "ORGANISATION_ID = " + org);
        JsonNode bad = expectProblem(
                call(
                        "POST",
                        BASE + "/offices",
                        office,
                        Map.of(
                                "scope",
                                scope("ORGANISATION", org),
                                "name",
                                "Druhá kancelář",
                                "phone",
                                "call us",
                                "email",
                                "nowhere",
                                "hours",
                                List.of(
                                        Map.of("day", "MONDAY", "from", "08:00", "to", "12:00"),
                                        Map.of("day", "MONDAY", "from", "11:00", "to", "14:00"),
                                        Map.of("day", "FRIDAY", "from", "09:00", "to", "24:30")))),
                422,
                "error.validation",
                null);
        Set<String> fields = new TreeSet<>();
        bad.path("errors").forEach(e -> fields.add(e.path("field").asText()));
        assertEquals(Set.of("email", "hours", "hours[2]", "phone"), fields);
        assertTrue(bad.toString(), bad.toString().contains("communications.directory.hours-overlap"));
        expectProblem(
                call(
                        "POST",
                        BASE + "/emergency",
                        office,
                        Map.of("scope", scope("BUILDING", w.buildingA.id()), "company", "", "phone", "12")),
                422,
                "error.validation",
                null);
        int status = call(
                        "POST",
                        BASE + "/emergency",
                        office,
                        Map.of(
                                "scope", scope("BUILDING", w.buildingA.id()),
                                "kind", "FIRE",
                                "company", "X",
                                "phone", "112"))
                .statusCode();
        assertTrue("unknown kind refused: " + status, status == 400 || status == 422);
        expectProblem(
                call(
                        "PUT",
                        BASE + "/emergency/" + liftA.path("id").asLong(),
                        office,
                        Map.of(
                                "scope",
                                scope("BUILDING", w.buildingA.id()),
                                "kind",
                                "LIFT",
                                "company",
                                "X",
                                "phone",
                                "112")),
                422,
                null,
                null);
        assertEquals(offices, count("COMM_OFFICE", "ORGANISATION_ID = " + org));
        assertEquals(rows, count("COMM_EMERGENCY_CONTACT", "ORGANISATION_ID = " + org));
        assertEquals(1, count("COMM_EMERGENCY_CONTACT", "COMPANY = 'Výtahy A s.r.o.'"));
        // every change is audited: liftA's creation and its change
        assertEquals(
                2,
                count(
                        "CORE_AUDIT_EVENT",
                        "ENTITY_TYPE = 'comm-emergency-contact' AND ENTITY_ID = '"
                                + liftA.path("id").asLong() + "'"));

        // the routes are documented
        String openapi = expect(200, call("GET", "/openapi.json", office, null)).toString();
        for (String path : List.of(BASE + "/mine", BASE + "/offices/{officeId}", BASE + "/emergency")) {
            assertTrue(path, openapi.contains("\"" + path + "\""));
        }
    }
}
