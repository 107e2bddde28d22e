package org.domus.itests;

import static org.junit.Assert.assertEquals;

import java.net.URI;
import java.time.Duration;
import java.util.Dictionary;
import java.util.Hashtable;
import javax.inject.Inject;
import org.apache.karaf.features.FeaturesService;
import org.domus.core.Role;
import org.junit.Test;
import org.junit.runner.RunWith;
import org.ops4j.pax.exam.Configuration;
import org.ops4j.pax.exam.Option;
import org.ops4j.pax.exam.junit.PaxExam;
import org.ops4j.pax.exam.spi.reactors.ExamReactorStrategy;
import org.ops4j.pax.exam.spi.reactors.PerClass;
import org.osgi.service.cm.ConfigurationAdmin;

/** The modules named in etc/org.domus.modules.cfg are installed, and removed when taken out of it. */
@RunWith(PaxExam.class)
@ExamReactorStrategy(PerClass.class)
public class ModuleConfigIT extends DomusTestSupport {

    private static final Duration WAIT = Duration.ofSeconds(90);

    @Inject
    protected FeaturesService features;

    @Inject
    protected ConfigurationAdmin configurationAdmin;

    @Configuration
    public Option[] config() {
        return distribution();
    }

    @Test
    public void theModulesConfigurationInstallsAndRemovesModules() throws Exception {
        String token = tokenForNewAccount(Role.MANAGER);
        String version = System.getProperty("project.version");
        features.addRepository(URI.create("mvn:org.domus/org.domus.itest.sample/" + version + "/xml/features"));
        // while the platform's extensions register at boot, CXF rebuilds the application and may briefly answer
        // 404 or 500 to anything: wait until the platform answers before looking for the module
        await("platform API up", WAIT, () -> statusOf("/api/me", token) == 200);
        assertEquals(404, statusOf("/api/sample/notes", token));

        setModules("sample:headless");
        await("module installed from configuration", WAIT, () -> statusOf("/api/sample/notes", token) == 200);

        setModules("");
        await("module removed with its configuration entry", WAIT, () -> statusOf("/api/sample/notes", token) == 404);
        // Aries rebuilds the application when a resource leaves: /api answers again shortly after
        await("platform API still there", WAIT, () -> statusOf("/api/me", token) == 200);
    }

    private void setModules(String modules) throws Exception {
        Dictionary<String, Object> properties = new Hashtable<>();
        properties.put("modules", modules);
        configurationAdmin.getConfiguration("org.domus.modules", null).update(properties);
    }
}
