/**
 * Reading the audit trail: every change to personal data, accounts, roles and the registry leaves an
 * {@link org.domus.core.audit.AuditEvent} (who, when, what, the state before and after). Only holders of
 * {@link org.domus.core.audit.AuditPermissions#READ} (administrators) may read it. Module bundles write
 * their events with {@link org.domus.core.audit.AuditTrail} in their own transaction.
 */
@org.osgi.annotation.versioning.Version("1.1.0")
package org.domus.core.audit;
