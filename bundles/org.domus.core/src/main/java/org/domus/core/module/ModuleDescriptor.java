package org.domus.core.module;

/**
 * Registered by every installed Domus module (and by the platform itself) so that health checks, the
 * OpenAPI document and the UI can tell which modules are present. A module registers exactly one,
 * usually as a DS component in its service bundle.
 */
public interface ModuleDescriptor {

    /** Short module id, e.g. {@code ledger}; REST resources live under {@code /api/<id>}. */
    String id();

    /** Translation key of the module's display name. */
    String nameKey();

    /** Version of the module, normally its bundle version. */
    String version();
}
