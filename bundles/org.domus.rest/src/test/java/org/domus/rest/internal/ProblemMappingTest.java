package org.domus.rest.internal;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertSame;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.lang.reflect.Method;
import java.math.BigDecimal;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.UUID;
import javax.ws.rs.BadRequestException;
import javax.ws.rs.InternalServerErrorException;
import javax.ws.rs.NotAcceptableException;
import javax.ws.rs.NotAllowedException;
import javax.ws.rs.NotFoundException;
import javax.ws.rs.NotSupportedException;
import javax.ws.rs.PathParam;
import javax.ws.rs.QueryParam;
import javax.ws.rs.WebApplicationException;
import javax.ws.rs.core.Response;
import org.domus.core.DomusException;
import org.domus.rest.DomusRest;
import org.domus.rest.Problem;
import org.domus.rest.ValidationException;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;

class ProblemMappingTest {

    private static final ObjectMapper JSON = JsonSupport.createMapper();

    record Payment(String reference, BigDecimal amount, List<Line> lines) {}

    record Line(String account, BigDecimal amount) {}

    static class Postings {
        public void list(@QueryParam("limit") int limit, @QueryParam("kind") Kind kind) {}

        public void one(@PathParam("id") long id) {}
    }

    enum Kind {
        DEBIT,
        CREDIT
    }

    private static RequestInfo request(String path, String... languages) {
        return new RequestInfo(
                path,
                "GET",
                java.util.Arrays.stream(languages).map(Locale::forLanguageTag).toList(),
                null,
                null,
                null,
                Map.of());
    }

    private static RequestInfo matched(String methodName, Map<String, List<String>> query) throws Exception {
        Method method = null;
        for (Method m : Postings.class.getMethods()) {
            if (m.getName().equals(methodName)) {
                method = m;
            }
        }
        return new RequestInfo("/api/ledger/postings", "GET", List.of(), null, Postings.class, method, query);
    }

    /** The serialised response body, checked for anything that betrays the implementation. */
    private static JsonNode body(ProblemMapping.Mapped mapped) throws Exception {
        Response response = new ProblemExceptionMapper().toResponse(mapped);
        assertEquals(
                DomusRest.PROBLEM_JSON + ";charset=UTF-8",
                response.getMediaType().toString());
        String text = (String) response.getEntity();
        assertFalse(text.contains("Exception"), text);
        assertFalse(text.contains("org."), text);
        assertFalse(text.contains("com.fasterxml"), text);
        assertFalse(text.contains("\tat "), text);
        assertFalse(text.contains("secret-internal-detail"), text);
        JsonNode node = JSON.readTree(text);
        assertEquals(response.getStatus(), node.get("status").asInt());
        assertNotNull(UUID.fromString(node.get("errorId").asText()));
        return node;
    }

    @ParameterizedTest
    @EnumSource(DomusException.Kind.class)
    void domainExceptionsMapByKind(DomusException.Kind kind) throws Exception {
        var mapped = ProblemMapping.map(new DomusException(kind, "account.login.taken", "bob"), request("/api/x"));
        Problem problem = mapped.problem();
        assertEquals(kind.status(), problem.status());
        assertEquals("urn:domus:problem:account.login.taken", problem.type());
        assertEquals("account.login.taken", problem.messageKey());
        assertEquals("account.login.taken", problem.detail(), "unknown keys fall back to the key");
        assertEquals("/api/x", problem.instance());
        body(mapped);
    }

    @Test
    void unauthenticatedCarriesTheBearerChallenge() throws Exception {
        var mapped = ProblemMapping.map(
                new DomusException(DomusException.Kind.UNAUTHENTICATED, "error.unauthenticated"), request("/api/me"));
        assertEquals(ProblemMapping.WWW_AUTHENTICATE, mapped.headers().get("WWW-Authenticate"));
        Response response = new ProblemExceptionMapper().toResponse(mapped);
        assertEquals(401, response.getStatus());
        assertEquals("Bearer realm=\"domus\"", response.getHeaderString("WWW-Authenticate"));
        JsonNode node = body(mapped);
        assertEquals("Unauthorized", node.get("title").asText());
        assertTrue(node.get("detail").asText().startsWith("Sign in"));
    }

    @Test
    void detailIsTranslatedByAcceptLanguage() {
        var mapped = ProblemMapping.map(
                new DomusException(DomusException.Kind.FORBIDDEN, "error.forbidden"), request("/api/x", "pl-PL", "en"));
        assertEquals(
                "Nie masz uprawnień do wykonania tej operacji.",
                mapped.problem().detail());
        assertEquals("Brak uprawnień", mapped.problem().title());
        assertEquals("pl", mapped.headers().get("Content-Language"));
    }

    @Test
    void unsupportedLanguageFallsBackToEnglish() {
        var mapped = ProblemMapping.map(new NotFoundException(), request("/api/nowhere", "de"));
        assertEquals("Not Found", mapped.problem().title());
        assertEquals("The requested resource does not exist.", mapped.problem().detail());
    }

    @Test
    void validationErrorsListEveryFieldTranslated() throws Exception {
        ValidationException e = ValidationException.builder()
                .add("name", "validation.required")
                .add("name", "validation.too_long", 100)
                .add("expiresAt", "module.own.key")
                .build();
        var mapped = ProblemMapping.map(e, request("/api/me/tokens", "cs"));
        assertEquals(422, mapped.problem().status());
        assertEquals("error.validation", mapped.problem().messageKey());
        JsonNode errors = body(mapped).get("errors");
        assertEquals(3, errors.size());
        assertEquals("name", errors.get(0).get("field").asText());
        assertEquals("Toto pole je povinné.", errors.get(0).get("message").asText());
        assertEquals("Nejvýše 100 znaků.", errors.get(1).get("message").asText());
        assertEquals("module.own.key", errors.get(2).get("message").asText());
    }

    @Test
    void malformedJsonNamesLineAndColumnOnly() throws Exception {
        Exception parse = catching(() -> JSON.readValue("{\n  \"reference\": \"x\",\n  oops }", Payment.class));
        // CXF hands the mapper the provider's exception, sometimes wrapped.
        var mapped = ProblemMapping.map(new BadRequestException(parse), request("/api/ledger/payments"));
        assertEquals(400, mapped.problem().status());
        assertEquals("Malformed JSON at line 3, column 4.", mapped.problem().detail());
        body(mapped);
    }

    @Test
    void wrongTypeNamesThePropertyPath() throws Exception {
        Exception mapping = catching(
                () -> JSON.readValue("{\"lines\":[{\"account\":\"311\",\"amount\":\"lots\"}]}", Payment.class));
        var mapped = ProblemMapping.map(new RuntimeException("wrapped", mapping), request("/api/ledger/payments"));
        assertEquals(400, mapped.problem().status());
        assertTrue(
                mapped.problem().detail().startsWith("Invalid value for \"lines[0].amount\" at line 1"),
                mapped.problem().detail());
        body(mapped);
    }

    @Test
    void unknownPropertyIsNamed() throws Exception {
        Exception unknown = catching(() -> JSON.readValue("{\"referenc\":\"x\"}", Payment.class));
        var mapped = ProblemMapping.map(unknown, request("/api/ledger/payments"));
        assertTrue(
                mapped.problem().detail().startsWith("Unknown property \"referenc\" at line 1, column "),
                mapped.problem().detail());
        body(mapped);
    }

    @Test
    void unknownPathIs404() throws Exception {
        var mapped = ProblemMapping.map(new NotFoundException(), request("/api/nowhere"));
        assertEquals(404, mapped.problem().status());
        assertEquals("about:blank", mapped.problem().type());
        body(mapped);
    }

    @Test
    void methodNotAllowedKeepsTheAllowHeader() throws Exception {
        var mapped = ProblemMapping.map(
                new NotAllowedException("GET", new String[] {"POST"}),
                new RequestInfo("/api/me", "PATCH", List.of(), null, null, null, null));
        assertEquals(405, mapped.problem().status());
        assertTrue(
                mapped.headers().get("Allow").contains("GET"), mapped.headers().toString());
        assertEquals(
                "This resource does not support the PATCH method.",
                mapped.problem().detail());
        body(mapped);
    }

    @Test
    void notAcceptableAndUnsupportedMediaType() throws Exception {
        assertEquals(
                406,
                ProblemMapping.map(new NotAcceptableException(), request("/api/me"))
                        .problem()
                        .status());
        var mapped = ProblemMapping.map(new NotSupportedException(), request("/api/me/tokens"));
        assertEquals(415, mapped.problem().status());
        assertEquals("error.unsupported_media_type", mapped.problem().messageKey());
        assertTrue(
                mapped.problem().detail().contains("request body's media type"),
                mapped.problem().detail());
        body(mapped);
    }

    @Test
    void badQueryParameterIs400NamingTheParameter() throws Exception {
        var mapped = ProblemMapping.map(
                new NotFoundException(new NumberFormatException("For input string: x")),
                matched("list", Map.of("limit", List.of("ten"))));
        assertEquals(400, mapped.problem().status());
        assertEquals(
                "The parameter \"limit\" has an invalid value.",
                mapped.problem().detail());
        body(mapped);
    }

    @Test
    void badEnumQueryParameterIs400() throws Exception {
        var mapped = ProblemMapping.map(
                new NotFoundException(new IllegalArgumentException("No enum constant")),
                matched("list", Map.of("kind", List.of("SIDEWAYS"))));
        assertEquals(400, mapped.problem().status());
    }

    @Test
    void badPathParameterStays404() throws Exception {
        var mapped =
                ProblemMapping.map(new NotFoundException(new NumberFormatException("x")), matched("one", Map.of()));
        assertEquals(404, mapped.problem().status());
        assertEquals("error.invalid_path", mapped.problem().messageKey());
    }

    @Test
    void anythingElseIsAGeneric500WithTheErrorId() throws Exception {
        var mapped = ProblemMapping.map(
                new IllegalStateException("secret-internal-detail: SELECT * FROM ACCOUNT"), request("/api/me"));
        Problem problem = mapped.problem();
        assertEquals(500, problem.status());
        assertEquals(
                "An unexpected error occurred. Quote error id " + problem.errorId() + " when reporting it.",
                problem.detail());
        body(mapped);
    }

    @Test
    void serverErrorsFromTheRuntimeAreGeneric() throws Exception {
        var mapped = ProblemMapping.map(new InternalServerErrorException("secret-internal-detail"), request("/api/me"));
        assertEquals(500, mapped.problem().status());
        body(mapped);
    }

    @Test
    void aResponseBuiltByTheResourcePassesThrough() {
        Response own = Response.status(409).entity("{\"mine\":true}").build();
        var mapped = ProblemMapping.map(new WebApplicationException(own), request("/api/x"));
        assertNull(mapped.problem());
        assertSame(own, new ProblemExceptionMapper().toResponse(mapped));
    }

    @Test
    void domainExceptionWrappedByJsonBindingKeepsItsMeaning() throws Exception {
        DomusException cause = new DomusException(DomusException.Kind.INVALID, "ledger.amount.negative");
        var mapped = ProblemMapping.map(new BadRequestException(new RuntimeException(cause)), request("/api/ledger"));
        assertEquals(422, mapped.problem().status());
        assertEquals("ledger.amount.negative", mapped.problem().messageKey());
    }

    private interface Failing {
        void run() throws Exception;
    }

    private static Exception catching(Failing call) {
        try {
            call.run();
        } catch (Exception e) {
            return e;
        }
        throw new AssertionError("expected a failure");
    }
}
