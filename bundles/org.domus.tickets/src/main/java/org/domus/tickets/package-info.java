/**
 * The tickets module's API: resident requests, the management panel's lists and statistics, the contractor
 * work queue, the public (anonymous) form. Views ({@code org.domus.tickets.web}), the mobile apps (through
 * REST) and integrators use it; the implementation lives in {@code org.domus.tickets.internal} and is never
 * exported. Every method takes the acting {@link org.domus.core.Subject} and decides access through the
 * platform's {@link org.domus.core.access.AccessPolicy}: a resident gets {@code NOT_FOUND} for tickets that
 * are not theirs (or building-wide ones of their buildings), a contractor for tickets not assigned to a
 * company it works for, staff outside their scope {@code FORBIDDEN}.
 */
@org.osgi.annotation.versioning.Version("0.2.0")
package org.domus.tickets;
