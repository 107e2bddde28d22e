package org.domus.itests;

import static org.junit.Assert.assertEquals;
import static org.junit.Assert.assertFalse;
import static org.junit.Assert.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import java.io.IOException;
import java.net.URI;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Set;
import javax.inject.Inject;
import org.apache.karaf.features.FeaturesService;
import org.domus.core.Role;
import org.domus.core.Subject;
import org.domus.core.access.RoleGrant;
import org.domus.web.Navigation;
import org.junit.Test;
import org.junit.runner.RunWith;
import org.ops4j.pax.exam.Configuration;
import org.ops4j.pax.exam.Option;
import org.ops4j.pax.exam.junit.PaxExam;
import org.ops4j.pax.exam.spi.reactors.ExamReactorStrategy;
import org.ops4j.pax.exam.spi.reactors.PerClass;

/**
 * The module contract: a module feature installed at run time adds its view to the menu and its resource
 * to /api and the OpenAPI document; uninstalled, both disappear while the platform keeps working;
 * reinstalled, its data is still there.
 */
@RunWith(PaxExam.class)
@ExamReactorStrategy(PerClass.class)
public class ModuleLifecycleIT extends DomusTestSupport {

    private static final Duration WAIT = Duration.ofSeconds(90);

    @Inject
    protected FeaturesService features;

    @Inject
    protected Navigation navigation;

    @Configuration
    public Option[] config() {
        return distribution();
    }

    @Test
    public void aModuleComesAndGoesAtRunTimeAndKeepsItsData() throws Exception {
        String token = tokenForNewAccount(Role.MANAGER);
        await("REST up", WAIT, () -> statusOf("/api/health", null) == 200);
        assertFalse(hasMenuEntry("sample/notes"));
        assertEquals(404, statusOf("/api/sample/notes", token));

        // install
        String version = System.getProperty("project.version");
        features.addRepository(URI.create("mvn:org.domus/org.domus.itest.sample/" + version + "/xml/features"));
        features.installFeature("domus-sample");
        await("sample resource in /api", WAIT, () -> statusOf("/api/sample/notes", token) == 200);
        await("sample view in the menu", WAIT, () -> hasMenuEntry("sample/notes"));
        assertTrue(openApiPaths().toString(), openApiPaths().contains("/sample/notes"));
        assertTrue(get("/api/health", null).body().contains("\"sample\""));

        HttpResponse<String> created = post("/api/sample/notes", token, "{\"text\":\"Boiler room key at the office\"}");
        assertEquals(created.body(), 201, created.statusCode());
        assertProblem(post("/api/sample/notes", token, "{\"text\":\"   \"}"), 422);

        // uninstall: view, resource and OpenAPI entry disappear; the platform keeps working
        features.uninstallFeature("domus-sample");
        await("sample resource gone", WAIT, () -> statusOf("/api/sample/notes", token) == 404);
        await("sample view gone from the menu", WAIT, () -> !hasMenuEntry("sample/notes"));
        // Aries rebuilds the application when a resource leaves: /api answers again shortly after
        await("platform API still there", WAIT, () -> statusOf("/api/me", token) == 200);
        assertEquals(200, statusOf("/api/health", null));
        assertFalse(openApiPaths().contains("/sample/notes"));
        assertEquals(200, statusOf("/", null));

        // reinstall: the note written before is still there
        features.installFeature("domus-sample");
        await("sample resource back", WAIT, () -> statusOf("/api/sample/notes", token) == 200);
        await("sample view back in the menu", WAIT, () -> hasMenuEntry("sample/notes"));
        JsonNode notes = parse(get("/api/sample/notes", token));
        assertEquals(notes.toString(), 1, notes.size());
        assertEquals("Boiler room key at the office", notes.get(0).path("text").asText());
    }

    private boolean hasMenuEntry(String route) {
        Subject manager =
                Subject.of(0, "itest", "Integration test", Locale.ENGLISH, Set.of(RoleGrant.everywhere(Role.MANAGER)));
        return navigation.routes().contains(route)
                && navigation.menuRoutes(manager).contains(route);
    }

    private List<String> openApiPaths() throws IOException, InterruptedException {
        JsonNode paths = parse(get("/api/openapi.json", null)).path("paths");
        List<String> names = new ArrayList<>();
        paths.fieldNames().forEachRemaining(names::add);
        return names;
    }
}
