/**
 * The communications module's API: announcements with targeting and read receipts, message threads between a
 * resident and the office, the notification centre with its e-mail delivery and per-user preferences, and the
 * contact directory. Views ({@code org.domus.communications.web}), the mobile apps (through REST) and integrators
 * use it; the implementation lives in {@code org.domus.communications.internal} and is never exported.
 *
 * <p>The module depends on no other module's code: notifications about tickets, charges and payment reminders
 * come from the EventAdmin topics those modules document ({@code org/domus/tickets/*},
 * {@code org/domus/ledger/*}). Every method taking a {@link org.domus.core.Subject} decides access through the
 * platform's {@link org.domus.core.access.AccessPolicy}: a resident gets {@code NOT_FOUND} for objects that are
 * not addressed to them, staff outside their scope {@code FORBIDDEN}.
 */
@org.osgi.annotation.versioning.Version("0.1.0")
package org.domus.communications;
