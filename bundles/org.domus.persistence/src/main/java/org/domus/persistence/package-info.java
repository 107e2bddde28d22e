/** Persistence API for Domus bundles: migrated schemas and the shared DataSource name. */
@org.osgi.annotation.versioning.Version("1.0.0")
package org.domus.persistence;
