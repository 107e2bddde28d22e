/**
 * Persistence API for Domus bundles: migrated schemas and the shared DataSource name.
 *
 * <p>A bundle with tables ships a Liquibase changelog, names it in its {@code Domus-Migrations}
 * manifest header and makes its components reference {@link org.domus.persistence.MigratedSchema}
 * with the target {@code (domus.schema=<Bundle-SymbolicName>)}; its JPA persistence unit uses the
 * DataSource selected by {@link org.domus.persistence.DomusDataSource#TARGET}. Work shared by several nodes is
 * claimed under a {@link org.domus.persistence.ClusterNode} name.
 */
@org.osgi.annotation.versioning.Version("1.1.0")
package org.domus.persistence;
