/**
 * The ledger module's API: what other modules (metering, communications) and integrators may use. The
 * implementation lives in {@code org.domus.ledger.internal} and is never exported.
 */
@org.osgi.annotation.versioning.Version("0.3.0")
package org.domus.ledger;
