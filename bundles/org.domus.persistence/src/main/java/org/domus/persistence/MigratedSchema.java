package org.domus.persistence;

/**
 * Registered by the migrations extender once a bundle's Liquibase changelog has been applied to the
 * Domus DataSource. A bundle whose components use its own tables references this service with the
 * target {@code (domus.schema=<its Bundle-SymbolicName>)}, so they only start once the schema exists,
 * and stop when the DataSource goes away.
 *
 * <p>A bundle opts in with the manifest header {@value #HEADER} naming its changelog inside the bundle,
 * for example {@code Domus-Migrations: db/changelog.xml}. Changelogs of different bundles are applied
 * one after another, never concurrently; tables are prefixed by module ({@code LEDGER_POSTING}).
 */
public interface MigratedSchema {

    /** Manifest header naming the changelog resource inside the bundle. */
    String HEADER = "Domus-Migrations";

    /** Service property: the symbolic name of the bundle whose schema this is. */
    String PROPERTY = "domus.schema";

    /** Symbolic name of the bundle that owns the schema. */
    String bundle();

    /** Number of changesets applied in total for this bundle (0 when none was new). */
    int changeSetsApplied();
}
