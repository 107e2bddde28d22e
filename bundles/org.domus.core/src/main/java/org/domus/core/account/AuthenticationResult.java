package org.domus.core.account;

import java.util.Optional;
import org.domus.core.Subject;

/**
 * Outcome of a password check. On failure the subject is empty and {@link #outcome()} says why; the
 * UI shows one generic message for every failure so that logins cannot be probed.
 *
 * <p>When the account has two-factor authentication, a correct password gives
 * {@link Outcome#SECOND_FACTOR_REQUIRED} with no subject but a {@link #challenge()}: pass it with the
 * code to {@link AccountService#completeSecondFactor}. The challenge expires after a few minutes.
 *
 * @param outcome what happened
 * @param subject the signed-in subject on success, otherwise null
 * @param mustChangePassword the holder must choose a new password before anything else
 * @param secondFactorEnrolmentRequired the holder's role requires TOTP and none is enrolled yet: the
 *     holder must enrol before anything else (since 1.2)
 * @param challenge for {@link Outcome#SECOND_FACTOR_REQUIRED}: the token that stands for the correct
 *     password until the code is checked, otherwise null (since 1.2)
 */
public record AuthenticationResult(
        Outcome outcome,
        Subject subject,
        boolean mustChangePassword,
        boolean secondFactorEnrolmentRequired,
        String challenge) {

    public enum Outcome {
        SUCCESS,
        BAD_CREDENTIALS,
        LOCKED,
        DISABLED,
        /** The password was right; a TOTP or recovery code is needed now (since 1.2). */
        SECOND_FACTOR_REQUIRED
    }

    /** A result without second-factor information (accounts without TOTP). */
    public AuthenticationResult(Outcome outcome, Subject subject, boolean mustChangePassword) {
        this(outcome, subject, mustChangePassword, false, null);
    }

    public static AuthenticationResult failed(Outcome outcome) {
        return new AuthenticationResult(outcome, null, false);
    }

    /** A correct password on an account with TOTP: the code is asked next. */
    public static AuthenticationResult secondFactorRequired(String challenge) {
        return new AuthenticationResult(Outcome.SECOND_FACTOR_REQUIRED, null, false, false, challenge);
    }

    public boolean succeeded() {
        return outcome == Outcome.SUCCESS;
    }

    public Optional<Subject> subjectIfSucceeded() {
        return Optional.ofNullable(subject);
    }
}
