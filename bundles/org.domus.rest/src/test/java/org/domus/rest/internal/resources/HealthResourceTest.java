package org.domus.rest.internal.resources;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.util.List;
import java.util.Set;
import java.util.UUID;
import javax.ws.rs.core.Response;
import org.apache.derby.jdbc.EmbeddedDataSource;
import org.domus.core.module.ModuleDescriptor;
import org.domus.persistence.MigratedSchema;
import org.domus.rest.internal.resources.HealthResource.Health;
import org.domus.rest.internal.resources.HealthResource.Status;
import org.junit.jupiter.api.Test;

class HealthResourceTest {

    private static final Set<String> WITH_CHANGELOG = Set.of("org.domus.core", "org.domus.ledger");

    private final EmbeddedDataSource database = derby();

    @Test
    void upWhenTheDatabaseAnswersAndEverySchemaIsMigrated() {
        HealthResource health = new HealthResource(
                database,
                List.of(module("ledger"), module("platform")),
                schemas("org.domus.core", "org.domus.ledger"),
                () -> WITH_CHANGELOG);
        Response response = health.health();
        Health body = (Health) response.getEntity();
        assertEquals(200, response.getStatus());
        assertEquals(Status.UP, body.status());
        assertEquals(Status.UP, body.database().status());
        assertEquals("Apache Derby", body.database().product());
        assertEquals(new HealthResource.Schemas(Status.UP, List.of()), body.schemas());
        assertEquals(
                List.of("ledger", "platform"),
                body.modules().stream().map(HealthResource.Module::id).toList());
    }

    /**
     * A started bundle whose migration never registered its schema (failed, or still running) has its services
     * down: the node is not healthy although the database answers, and health names the bundle.
     */
    @Test
    void downNamingTheBundlesWhoseSchemaIsNotMigrated() {
        HealthResource health = new HealthResource(
                database, List.of(module("platform")), schemas("org.domus.core"), () -> WITH_CHANGELOG);
        Response response = health.health();
        Health body = (Health) response.getEntity();
        assertEquals(503, response.getStatus());
        assertEquals(Status.DOWN, body.status());
        assertEquals(Status.UP, body.database().status());
        assertEquals(new HealthResource.Schemas(Status.DOWN, List.of("org.domus.ledger")), body.schemas());
    }

    @Test
    void downWithoutADatabase() {
        HealthResource health = new HealthResource(null, List.of(), schemas(), Set::of);
        Response response = health.health();
        assertEquals(503, response.getStatus());
        assertEquals(Status.DOWN, ((Health) response.getEntity()).database().status());
        assertEquals(Status.UP, ((Health) response.getEntity()).schemas().status());
    }

    private static EmbeddedDataSource derby() {
        EmbeddedDataSource source = new EmbeddedDataSource();
        source.setDatabaseName("memory:health-" + UUID.randomUUID());
        source.setCreateDatabase("create");
        return source;
    }

    private static List<MigratedSchema> schemas(String... bundles) {
        return java.util.Arrays.stream(bundles)
                .map(b -> (MigratedSchema) new MigratedSchema() {
                    @Override
                    public String bundle() {
                        return b;
                    }

                    @Override
                    public int changeSetsApplied() {
                        return 0;
                    }
                })
                .toList();
    }

    private static ModuleDescriptor module(String id) {
        return new ModuleDescriptor() {
            @Override
            public String id() {
                return id;
            }

            @Override
            public String nameKey() {
                return "module." + id;
            }

            @Override
            public String version() {
                return "1.0.0";
            }
        };
    }
}
