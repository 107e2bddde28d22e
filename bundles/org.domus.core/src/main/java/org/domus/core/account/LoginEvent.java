package org.domus.core.account;

import java.time.Instant;

/**
 * One entry of an account's login history.
 *
 * @param at when it happened (UTC)
 * @param address the client's IP address
 * @param userAgent the client's User-Agent (may be null)
 * @param outcome {@code SUCCESS}, {@code BAD_CREDENTIALS}, {@code BAD_SECOND_FACTOR}, {@code LOCKED},
 *     {@code DISABLED} or {@code LOCKOUT} (the account was locked after repeated failures)
 * @since 1.2
 */
public record LoginEvent(Instant at, String address, String userAgent, String outcome) {}
