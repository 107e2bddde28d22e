package org.domus.core.account;

import java.time.Instant;

/**
 * Whether an account uses TOTP two-factor authentication.
 *
 * @param enabled TOTP is on: every sign-in asks a code
 * @param required the account's roles require TOTP (it cannot be switched off)
 * @param enabledAt when it was switched on (null when off)
 * @param recoveryCodesLeft unused recovery codes
 * @since 1.2
 */
public record TotpStatus(boolean enabled, boolean required, Instant enabledAt, int recoveryCodesLeft) {}
