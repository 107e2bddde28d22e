package org.domus.rest.internal.registry;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.ByteArrayInputStream;
import java.lang.reflect.Proxy;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Set;
import javax.ws.rs.core.HttpHeaders;
import javax.ws.rs.core.SecurityContext;
import org.domus.core.DomusException;
import org.domus.core.Role;
import org.domus.core.Subject;
import org.domus.core.access.RoleGrant;
import org.domus.core.registry.imports.ImportKind;
import org.domus.core.registry.imports.ImportOptions;
import org.domus.core.registry.imports.ImportProblem;
import org.domus.core.registry.imports.ImportReport;
import org.domus.core.registry.imports.ImportRow;
import org.domus.core.registry.imports.RegistryImport;
import org.domus.core.registry.imports.RowStatus;
import org.domus.rest.DomusRest;
import org.domus.rest.ValidationException;
import org.domus.rest.internal.openapi.OpenApiGenerator;
import org.junit.jupiter.api.Test;

class RegistryImportResourceTest {

    private static final Subject MANAGER =
            Subject.of(7, "manager", "Manager", new Locale("cs"), Set.of(RoleGrant.everywhere(Role.MANAGER)));

    /** Records what the resource hands to the service and answers with one refused row. */
    private static final class RecordingImport implements RegistryImport {
        final List<String> calls = new ArrayList<>();
        int bytes;

        private ImportReport report(ImportKind kind) {
            return new ImportReport(
                    kind,
                    "windows-1250",
                    "\t",
                    false,
                    0,
                    0,
                    1,
                    List.of(new ImportRow(
                            2,
                            "Květná 12, Praha / 3",
                            RowStatus.ERROR,
                            null,
                            List.of(new ImportProblem(2, "area", "registry.import.decimal", List.of("abc"))))));
        }

        @Override
        public ImportReport preview(Subject actor, ImportKind kind, byte[] file, ImportOptions options) {
            calls.add("preview " + kind + " " + options);
            bytes = file.length;
            return report(kind);
        }

        @Override
        public ImportReport apply(Subject actor, ImportKind kind, byte[] file, ImportOptions options) {
            calls.add("apply " + kind + " " + options);
            bytes = file.length;
            return report(kind);
        }

        @Override
        public byte[] template(Subject actor, ImportKind kind) {
            return "x".getBytes(StandardCharsets.UTF_8);
        }
    }

    private final RecordingImport service = new RecordingImport();
    private final RegistryImportResource resource = new RegistryImportResource(service);

    private static SecurityContext security() {
        return (SecurityContext) Proxy.newProxyInstance(
                SecurityContext.class.getClassLoader(),
                new Class<?>[] {SecurityContext.class},
                (proxy, method, args) ->
                        method.getName().equals("getUserPrincipal") ? new DomusRest.SubjectPrincipal(MANAGER) : null);
    }

    private static HttpHeaders headers(Locale... languages) {
        return (HttpHeaders) Proxy.newProxyInstance(
                HttpHeaders.class.getClassLoader(),
                new Class<?>[] {HttpHeaders.class},
                (proxy, method, args) -> method.getName().equals("getAcceptableLanguages") ? List.of(languages) : null);
    }

    private static ByteArrayInputStream csv(String text) {
        return new ByteArrayInputStream(text.getBytes(StandardCharsets.UTF_8));
    }

    @Test
    void previewIsTheDefaultAndProblemsAreTranslatedIntoTheRequestLanguage() {
        RegistryImportResource.Report report = resource.importFile(
                security(), headers(new Locale("pl")), "UNITS", "preview", false, null, "tab", null, csv("a\n1\n"));
        assertEquals(
                List.of("preview UNITS ImportOptions[encoding=null, separator=\t, organisationId=null,"
                        + " onlyValidRows=false]"),
                service.calls);
        assertEquals("units", report.kind());
        assertEquals("tab", report.separator());
        RegistryImportResource.Problem problem = report.rows().get(0).problems().get(0);
        assertEquals("To nie jest liczba: „abc”.", problem.message());
        assertEquals("registry.import.decimal", problem.messageKey());
        assertEquals("area", problem.column());
        assertNull(report.rows().get(0).id());

        // without Accept-Language the subject's language (Czech here) is used
        resource.importFile(security(), headers(), "tenures", "APPLY", true, "windows-1250", ";", 5L, csv("a"));
        assertEquals(
                "apply TENURES ImportOptions[encoding=windows-1250, separator=;, organisationId=5, onlyValidRows=true]",
                service.calls.get(1));
        assertEquals(
                "Není číslo: „abc“.",
                resource.importFile(security(), headers(), "units", "preview", false, null, null, null, csv("a"))
                        .rows()
                        .get(0)
                        .problems()
                        .get(0)
                        .message());
    }

    @Test
    void unknownKindModeOrSeparatorAreRefusedBeforeTheFileIsRead() {
        DomusException kind = assertThrows(
                DomusException.class,
                () -> resource.importFile(
                        security(), headers(), "flats", "preview", false, null, null, null, csv("a")));
        assertEquals(DomusException.Kind.NOT_FOUND, kind.kind());
        assertEquals("registry.import.kind.unknown", kind.messageKey());
        ValidationException bad = assertThrows(
                ValidationException.class,
                () -> resource.importFile(security(), headers(), "units", "commit", false, null, "|", null, csv("a")));
        assertEquals(
                List.of("mode", "separator"),
                bad.violations().stream().map(v -> v.field()).toList());
        assertTrue(service.calls.isEmpty());
        assertThrows(DomusException.class, () -> resource.template(security(), "flats"));
    }

    @Test
    void theBodyIsReadUpToOneByteMoreThanTheLimit() {
        byte[] huge = new byte[RegistryImport.MAX_BYTES + 1000];
        resource.importFile(
                security(), headers(), "units", "preview", false, null, null, null, new ByteArrayInputStream(huge));
        assertEquals(RegistryImport.MAX_BYTES + 1, service.bytes);
    }

    @Test
    void theTemplateIsAnAttachment() {
        javax.ws.rs.core.Response r = resource.template(security(), "Persons");
        assertEquals("attachment; filename=\"domus-persons.csv\"", r.getHeaderString("Content-Disposition"));
    }

    @Test
    void openApiListsTheCsvBodyAndTheTemplate() {
        JsonNode doc = new ObjectMapper()
                .valueToTree(new OpenApiGenerator()
                        .generate("1", List.of(new OpenApiGenerator.Resource(RegistryImportResource.class, null))));
        JsonNode post = doc.at("/paths/~1registry~1import~1{kind}/post");
        assertEquals(
                "binary",
                post.at("/requestBody/content/text~1csv/schema/format").asText());
        List<String> params = new ArrayList<>();
        post.path("parameters").forEach(p -> params.add(p.path("name").asText()));
        assertTrue(params.containsAll(List.of("kind", "mode", "onlyValid", "encoding", "separator", "organisation")));
        assertEquals(
                "string",
                doc.at("/paths/~1registry~1import~1{kind}~1template/get/responses/200/content/text~1csv/schema/type")
                        .asText());
    }
}
