package org.domus.core.consent;

import java.time.Instant;

/**
 * One entry of the consent history.
 *
 * @param key a {@link ConsentKind} name, or {@code TERMS} for an acceptance of the terms of use
 * @param granted granted (or accepted) rather than revoked
 * @param termsVersion for {@code TERMS}: the accepted version, otherwise null
 * @param at when (UTC)
 */
public record ConsentEvent(String key, boolean granted, String termsVersion, Instant at) {}
