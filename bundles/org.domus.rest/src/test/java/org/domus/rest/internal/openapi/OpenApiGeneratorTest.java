package org.domus.rest.internal.openapi;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.math.BigDecimal;
import java.time.Instant;
import java.time.LocalDate;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import javax.ws.rs.Consumes;
import javax.ws.rs.DELETE;
import javax.ws.rs.DefaultValue;
import javax.ws.rs.GET;
import javax.ws.rs.HeaderParam;
import javax.ws.rs.POST;
import javax.ws.rs.Path;
import javax.ws.rs.PathParam;
import javax.ws.rs.Produces;
import javax.ws.rs.QueryParam;
import javax.ws.rs.core.Context;
import javax.ws.rs.core.MediaType;
import javax.ws.rs.core.Response;
import javax.ws.rs.core.SecurityContext;
import org.domus.rest.Doc;
import org.domus.rest.Public;
import org.junit.jupiter.api.Test;

class OpenApiGeneratorTest {

    enum Side {
        DEBIT,
        CREDIT
    }

    record Money(BigDecimal amount, String currency) {}

    record Line(String account, Side side, Money money) {}

    record Posting(
            long id,
            LocalDate bookedOn,
            Instant recordedAt,
            List<Line> lines,
            Set<String> labels,
            Map<String, Money> totals,
            Optional<String> note,
            Posting reversalOf) {}

    record NewPosting(LocalDate bookedOn, List<Line> lines) {}

    @Path("ledger/postings")
    @Produces(MediaType.APPLICATION_JSON)
    @Doc("Ledger postings")
    public static class PostingResource {
        @GET
        @Doc(value = "List postings", description = "Newest first.")
        public List<Posting> list(
                @QueryParam("from") LocalDate from,
                @QueryParam("limit") @DefaultValue("50") int limit,
                @QueryParam("side") Side side,
                @Context SecurityContext security) {
            return List.of();
        }

        @GET
        @Path("{id : \\d+}")
        public Posting one(@PathParam("id") long id) {
            return null;
        }

        @POST
        @Consumes(MediaType.APPLICATION_JSON)
        @Doc(value = "Record a posting", status = 201, response = Posting.class)
        public Response create(NewPosting posting, @HeaderParam("Idempotency-Key") String key) {
            return null;
        }

        @DELETE
        @Path("{id}")
        @Deprecated
        public void remove(@PathParam("id") long id) {}
    }

    @Path("status")
    @Public
    public static class StatusResource {
        @GET
        @Produces(MediaType.TEXT_PLAIN)
        public String status() {
            return "ok";
        }
    }

    private static JsonNode generate(List<OpenApiGenerator.Resource> resources) {
        Map<String, Object> document = new OpenApiGenerator().generate("1.2.3", resources);
        return new ObjectMapper().valueToTree(document);
    }

    private static JsonNode allOfPostings() {
        return generate(List.of(
                new OpenApiGenerator.Resource(PostingResource.class, null),
                new OpenApiGenerator.Resource(StatusResource.class, null)));
    }

    @Test
    void documentHeaderAndSecuritySchemes() {
        JsonNode doc = allOfPostings();
        assertEquals("3.0.3", doc.get("openapi").asText());
        assertEquals("1.2.3", doc.at("/info/version").asText());
        assertEquals("/api", doc.at("/servers/0/url").asText());
        assertEquals(
                "bearer",
                doc.at("/components/securitySchemes/bearerAuth/scheme").asText());
        assertEquals(
                "DOMUS_SESSION",
                doc.at("/components/securitySchemes/sessionCookie/name").asText());
        assertEquals(
                "cookie", doc.at("/components/securitySchemes/sessionCookie/in").asText());
        assertEquals(
                "integer",
                doc.at("/components/schemas/Problem/properties/status/type").asText());
        assertEquals(
                "array",
                doc.at("/components/schemas/Problem/properties/errors/type").asText());
    }

    @Test
    void pathsAreNormalisedAndParametersDescribed() {
        JsonNode paths = allOfPostings().get("paths");
        assertTrue(paths.has("/ledger/postings"));
        assertTrue(paths.has("/ledger/postings/{id}"), paths.toString());
        JsonNode list = paths.at("/~1ledger~1postings/get");
        assertEquals("List postings", list.get("summary").asText());
        assertEquals("Newest first.", list.get("description").asText());
        assertEquals("ledger", list.at("/tags/0").asText());
        JsonNode parameters = list.get("parameters");
        assertEquals(3, parameters.size(), "the @Context parameter is not an API parameter");
        assertEquals("from", parameters.at("/0/name").asText());
        assertEquals("query", parameters.at("/0/in").asText());
        assertEquals("date", parameters.at("/0/schema/format").asText());
        assertEquals("50", parameters.at("/1/schema/default").asText());
        assertEquals("int32", parameters.at("/1/schema/format").asText());
        assertEquals("CREDIT", parameters.at("/2/schema/enum/1").asText());
        assertEquals(
                "#/components/schemas/Posting",
                list.at("/responses/200/content/application~1json/schema/items/$ref")
                        .asText());
        assertEquals(
                "#/components/responses/Unauthorized",
                list.at("/responses/401/$ref").asText());

        JsonNode one = paths.at("/~1ledger~1postings~1{id}/get");
        assertEquals("path", one.at("/parameters/0/in").asText());
        assertTrue(one.at("/parameters/0/required").asBoolean());
        assertEquals("int64", one.at("/parameters/0/schema/format").asText());
        assertTrue(one.at("/responses").has("404"));

        JsonNode delete = paths.at("/~1ledger~1postings~1{id}/delete");
        assertTrue(delete.at("/responses").has("204"));
        assertTrue(delete.get("deprecated").asBoolean());
    }

    @Test
    void requestBodyAndDocumentedResponse() {
        JsonNode create = allOfPostings().at("/paths/~1ledger~1postings/post");
        assertTrue(create.at("/requestBody/required").asBoolean());
        assertEquals(
                "#/components/schemas/NewPosting",
                create.at("/requestBody/content/application~1json/schema/$ref").asText());
        assertEquals(
                "#/components/schemas/Posting",
                create.at("/responses/201/content/application~1json/schema/$ref")
                        .asText());
        assertEquals("header", create.at("/parameters/0/in").asText());
        assertEquals("Idempotency-Key", create.at("/parameters/0/name").asText());
        assertTrue(create.at("/responses").has("422"));
    }

    @Test
    void recordSchemasFollowJacksonsJson() {
        JsonNode schemas = allOfPostings().at("/components/schemas");
        JsonNode posting = schemas.at("/Posting/properties");
        assertEquals("int64", posting.at("/id/format").asText());
        assertEquals("date", posting.at("/bookedOn/format").asText());
        assertEquals("date-time", posting.at("/recordedAt/format").asText());
        assertEquals("array", posting.at("/lines/type").asText());
        assertEquals(
                "#/components/schemas/Line", posting.at("/lines/items/$ref").asText());
        assertTrue(posting.at("/labels/uniqueItems").asBoolean());
        assertEquals(
                "#/components/schemas/Money",
                posting.at("/totals/additionalProperties/$ref").asText());
        assertTrue(posting.at("/note/nullable").asBoolean());
        assertEquals(
                "#/components/schemas/Posting",
                posting.at("/reversalOf/$ref").asText(),
                "a recursive record ends in a $ref");
        assertEquals("id", schemas.at("/Posting/required/0").asText());
        assertEquals("number", schemas.at("/Money/properties/amount/type").asText());
        assertEquals("DEBIT", schemas.at("/Line/properties/side/enum/0").asText());
    }

    @Test
    void publicOperationsNeedNoSecurity() {
        JsonNode status = allOfPostings().at("/paths/~1status/get");
        assertEquals(0, status.get("security").size());
        assertFalse(status.get("responses").has("401"));
        assertEquals(
                "string",
                status.at("/responses/200/content/text~1plain/schema/type").asText());
    }

    @Test
    void onlyTheRuntimesOperationsAreListed() {
        // The runtime reports only the GET list; the rest of the class is not served (e.g. not registered).
        var endpoint = new OpenApiGenerator.Endpoint("GET", "/ledger/postings", List.of(), List.of("application/json"));
        JsonNode paths = generate(List.of(new OpenApiGenerator.Resource(PostingResource.class, List.of(endpoint))))
                .get("paths");
        assertEquals(1, paths.size());
        assertNull(paths.get("/ledger/postings").get("post"));
        assertEquals(
                "List postings", paths.at("/~1ledger~1postings/get/summary").asText());
    }

    @Test
    void operationsOfAnUninspectableResourceAreStillListed() {
        var endpoint = new OpenApiGenerator.Endpoint("GET", "tickets/{ticket: [0-9]+}", List.of(), List.of());
        JsonNode get = generate(List.of(new OpenApiGenerator.Resource(null, List.of(endpoint))))
                .at("/paths/~1tickets~1{ticket}/get");
        assertNotNull(get.get("responses"));
        assertEquals("ticket", get.at("/parameters/0/name").asText());
        assertEquals("tickets", get.at("/tags/0").asText());
    }

    @Test
    void noResourcesGiveAnEmptyButValidDocument() {
        JsonNode doc = generate(List.of());
        assertEquals(0, doc.get("paths").size());
        assertTrue(doc.at("/components/schemas").has("Problem"));
    }

    static class Other {
        record Money(long cents) {}
    }

    @Test
    void clashingSimpleNamesAreQualified() {
        SchemaGenerator schemas = new SchemaGenerator();
        assertEquals("#/components/schemas/Money", schemas.schema(Money.class).get("$ref"));
        assertEquals(
                "#/components/schemas/OpenApiGeneratorTestOtherMoney",
                schemas.schema(Other.Money.class).get("$ref"));
        assertEquals("#/components/schemas/Money", schemas.schema(Money.class).get("$ref"), "stable per class");
    }

    @Test
    void normalizeStripsRegexesAndSlashes() {
        assertEquals("/a/b/{id}", OpenApiGenerator.normalize("a//b/{id : \\d+}/"));
        assertEquals("/", OpenApiGenerator.normalize(""));
        assertEquals("me", OpenApiGenerator.tag("/me/tokens/{id}"));
    }
}
