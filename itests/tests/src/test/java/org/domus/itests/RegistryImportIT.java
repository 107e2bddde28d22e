package org.domus.itests;

import static org.junit.Assert.assertEquals;
import static org.junit.Assert.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import java.io.IOException;
import java.net.URI;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.Charset;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import javax.inject.Inject;
import org.domus.core.registry.RegistryService;
import org.domus.core.registry.Unit;
import org.domus.core.registry.UnitFilter;
import org.junit.Before;
import org.junit.Test;
import org.junit.runner.RunWith;
import org.ops4j.pax.exam.Configuration;
import org.ops4j.pax.exam.Option;
import org.ops4j.pax.exam.junit.PaxExam;
import org.ops4j.pax.exam.spi.reactors.ExamReactorStrategy;
import org.ops4j.pax.exam.spi.reactors.PerClass;

/**
 * The registry's CSV import in the running distribution: a Windows-1250 file from a Czech office uploaded
 * through REST, read back through the registry, imported again without effect; a file with a bad row that
 * writes nothing; and a building manager who cannot import into another building.
 */
@RunWith(PaxExam.class)
@ExamReactorStrategy(PerClass.class)
public class RegistryImportIT extends DomusTestSupport {

    private static final Charset CP1250 = Charset.forName("windows-1250");
    private static final String HEADER =
            "building_street;building_number;building_city;unit;kind;floor;area;rooms;share;legal_form;rent\r\n";

    @Inject
    protected RegistryService registry;

    private RegistryFixture world;

    @Configuration
    public Option[] config() {
        return distribution();
    }

    @Before
    public void setUp() throws Exception {
        world = new RegistryFixture(registry, accounts, tokens, totp());
        await("registry import REST", Duration.ofSeconds(60), () -> {
            try {
                return template("units", world.admin).statusCode() == 200;
            } catch (IOException e) {
                return false;
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                return false;
            }
        });
    }

    private HttpResponse<String> template(String kind, String bearer) throws IOException, InterruptedException {
        HttpRequest request = HttpRequest.newBuilder(URI.create(base() + "/api/registry/import/" + kind + "/template"))
                .timeout(Duration.ofSeconds(30))
                .header("Accept", "text/csv")
                .header("Authorization", "Bearer " + bearer)
                .GET()
                .build();
        return http.send(request, HttpResponse.BodyHandlers.ofString());
    }

    private HttpResponse<String> upload(String query, String bearer, byte[] csv)
            throws IOException, InterruptedException {
        HttpRequest request = HttpRequest.newBuilder(URI.create(base() + "/api/registry/import/units?" + query))
                .timeout(Duration.ofSeconds(60))
                .header("Accept", "application/json")
                .header("Accept-Language", "cs")
                .header("Authorization", "Bearer " + bearer)
                .header("Content-Type", "text/csv")
                .POST(HttpRequest.BodyPublishers.ofByteArray(csv))
                .build();
        return http.send(request, HttpResponse.BodyHandlers.ofString());
    }

    private String org() {
        return "organisation=" + world.organisation.id();
    }

    private List<String> numbersIn(long building) {
        List<String> numbers = new ArrayList<>();
        for (Unit u : registry.units(RegistryFixture.SYSTEM, new UnitFilter(null, building, null, null, null), 0, 100)
                .items()) {
            numbers.add(u.number());
        }
        return numbers;
    }

    @Test
    public void aCzechExcelFileIsImportedThroughRestAndAgainWithoutEffect() throws Exception {
        byte[] csv = (HEADER
                        + "Květná;12;Praha;2;FLAT;1;61,5;3;615/10000;OWNERSHIP;8 450,00\r\n"
                        + "Květná;12;Praha;Garáž 1;GARAGE;-1;18;;180/10000;LEASE;\"1 200\"\r\n")
                .getBytes(CP1250);
        HttpResponse<String> preview = upload(org(), world.admin, csv);
        assertEquals(preview.body(), 200, preview.statusCode());
        JsonNode p = parse(preview);
        assertEquals("windows-1250", p.path("encoding").asText());
        assertEquals(";", p.path("separator").asText());
        assertEquals(2, p.path("created").asInt());
        assertEquals(false, p.path("applied").asBoolean());
        assertEquals(List.of("1"), numbersIn(world.buildingA.id()));

        HttpResponse<String> applied = upload("mode=apply&" + org(), world.admin, csv);
        assertEquals(applied.body(), 200, applied.statusCode());
        JsonNode a = parse(applied);
        assertTrue(a.path("applied").asBoolean());
        assertEquals(2, a.path("created").asInt());
        long garageId = a.path("rows").get(1).path("id").asLong();
        JsonNode garage = parse(get("/api/registry/units/" + garageId, world.admin));
        assertEquals("Garáž 1", garage.path("number").asText());
        assertEquals("GARAGE", garage.path("kind").asText());
        assertEquals(18, garage.path("area").asInt());
        assertEquals(9, garage.path("share").path("numerator").asInt());
        assertEquals(500, garage.path("share").path("denominator").asInt());
        assertEquals("CZK", garage.path("rent").path("currency").asText());
        assertEquals(List.of("1", "2", "Garáž 1"), numbersIn(world.buildingA.id()));

        JsonNode again = parse(upload("mode=apply&" + org(), world.admin, csv));
        assertEquals(0, again.path("created").asInt());
        assertEquals(2, again.path("unchanged").asInt());
        assertEquals(List.of("1", "2", "Garáž 1"), numbersIn(world.buildingA.id()));
    }

    @Test
    public void aFileWithABadRowWritesNothingUnlessOnlyValidRowsAreAsked() throws Exception {
        byte[] csv = (HEADER
                        + "Květná;12;Praha;5;FLAT;1;40;2;1/20;OWNERSHIP;\r\n"
                        + "Květná;12;Praha;6;FLAT;1;čtyřicet;2;1/20;OWNERSHIP;\r\n")
                .getBytes(CP1250);
        HttpResponse<String> refused = upload("mode=apply&" + org(), world.admin, csv);
        assertProblem(refused, 422);
        JsonNode problem = parse(refused);
        assertEquals(
                "lines[3].area", problem.path("errors").get(0).path("field").asText());
        assertEquals(
                "Není číslo: „čtyřicet“.",
                problem.path("errors").get(0).path("message").asText());
        assertEquals(List.of("1"), numbersIn(world.buildingA.id()));

        JsonNode preview = parse(upload(org(), world.admin, csv));
        assertEquals("CREATE", preview.path("rows").get(0).path("status").asText());
        assertEquals("ERROR", preview.path("rows").get(1).path("status").asText());
        assertEquals(
                "area",
                preview.path("rows")
                        .get(1)
                        .path("problems")
                        .get(0)
                        .path("column")
                        .asText());

        JsonNode partial = parse(upload("mode=apply&onlyValid=true&" + org(), world.admin, csv));
        assertEquals(1, partial.path("created").asInt());
        assertEquals(1, partial.path("invalid").asInt());
        assertEquals(List.of("1", "5"), numbersIn(world.buildingA.id()));

        assertProblem(upload("mode=apply&" + org(), world.admin, "colour\r\nred\r\n".getBytes(CP1250)), 422);
        assertProblem(upload("mode=apply&encoding=ebcdic&" + org(), world.admin, csv), 422);
        assertProblem(upload("mode=later&" + org(), world.admin, csv), 422);
    }

    @Test
    public void aBuildingManagerCannotImportIntoAnotherBuilding() throws Exception {
        byte[] csv = (HEADER
                        + "Květná;12;Praha;7;FLAT;1;40;2;1/20;OWNERSHIP;\r\n"
                        + "Lipová;3;Praha;7;FLAT;1;40;2;1/20;OWNERSHIP;\r\n")
                .getBytes(CP1250);
        JsonNode preview = parse(upload("", world.managerA, csv));
        assertEquals("CREATE", preview.path("rows").get(0).path("status").asText());
        assertEquals(
                "registry.import.out-of-scope",
                preview.path("rows")
                        .get(1)
                        .path("problems")
                        .get(0)
                        .path("messageKey")
                        .asText());
        assertProblem(upload("mode=apply", world.managerA, csv), 422);
        assertEquals(List.of("1"), numbersIn(world.buildingB.id()));
        assertEquals(List.of("1"), numbersIn(world.buildingA.id()));

        assertProblem(upload("mode=apply", world.residentA, csv), 403);
        assertEquals(403, template("units", world.residentA).statusCode());
        HttpResponse<String> template = template("units", world.managerA);
        assertEquals(200, template.statusCode());
        assertTrue(template.body(), template.body().contains("building_street;building_number;building_city;unit"));
        assertProblem(template("flats", world.managerA), 404);
    }
}
