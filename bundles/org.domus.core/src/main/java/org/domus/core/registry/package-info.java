/**
 * The unit and resident registry: organisations, estates, buildings, units, persons and tenures, with
 * the full history of each unit. {@link org.domus.core.registry.RegistryService} is the entry point;
 * every call names the acting {@link org.domus.core.Subject} and is decided by the
 * {@link org.domus.core.access.AccessPolicy}.
 */
@org.osgi.annotation.versioning.Version("1.4.0")
package org.domus.core.registry;
