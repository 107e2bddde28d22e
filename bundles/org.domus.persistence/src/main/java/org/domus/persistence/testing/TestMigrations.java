package org.domus.persistence.testing;

import javax.sql.DataSource;
import liquibase.resource.ClassLoaderResourceAccessor;
import org.domus.persistence.internal.LiquibaseMigrator;

/**
 * Applies a bundle's Liquibase changelog from the test class path, exactly as the migrations extender
 * does inside Karaf, so that a module's unit tests run on the schema its changelog really creates.
 */
public final class TestMigrations {

    private TestMigrations() {}

    /**
     * Applies the changelog found on the class path of {@code loader}.
     *
     * @param changelog the value of the bundle's {@code Domus-Migrations} header, e.g. {@code db/changelog.xml}
     * @return the number of changesets applied
     */
    public static int apply(DataSource dataSource, ClassLoader loader, String changelog) {
        return new LiquibaseMigrator()
                .migrate(dataSource, new ClassLoaderResourceAccessor(loader), loader, changelog)
                .changeSetsApplied();
    }
}
