package org.domus.core.account;

import java.util.List;
import org.domus.core.Subject;

/**
 * TOTP two-factor authentication (RFC 6238: HMAC-SHA1, 6 digits, 30-second steps, one step of clock
 * drift either way). A code is accepted once only. Ten single-use recovery codes replace a lost phone;
 * they are stored hashed and shown once. Every change writes an audit event; a refused call changes
 * nothing.
 *
 * <p>Signing in with a code is {@link AccountService#completeSecondFactor}; this service manages the
 * holder's own enrolment.
 *
 * @since 1.2
 */
public interface TotpService {

    /** Number of recovery codes issued at a time. */
    int RECOVERY_CODES = 10;

    TotpStatus status(long accountId);

    /** Whether the subject's roles require TOTP (by default ADMIN and ACCOUNTANT). */
    boolean isRequired(Subject subject);

    /**
     * Starts (or restarts) enrolment with a fresh secret; TOTP is not active until confirmed.
     *
     * @throws org.domus.core.DomusException CONFLICT {@code totp.already-enabled}
     */
    TotpEnrolment beginEnrolment(Subject holder);

    /**
     * Confirms enrolment with a code from the app and switches TOTP on.
     *
     * @return the recovery codes, shown this once
     * @throws org.domus.core.DomusException INVALID {@code totp.code.invalid}, CONFLICT
     *     {@code totp.not-started}
     */
    List<String> confirmEnrolment(Subject holder, String code);

    /**
     * Switches TOTP off after checking the password and a code (or a recovery code).
     *
     * @throws org.domus.core.DomusException INVALID {@code totp.disable.refused} when either is wrong,
     *     CONFLICT {@code totp.required} when the holder's role requires TOTP, {@code totp.not-enabled}
     */
    void disable(Subject holder, char[] password, String code);

    /**
     * Replaces all recovery codes after checking a current TOTP code.
     *
     * @return the new codes, shown this once
     * @throws org.domus.core.DomusException INVALID {@code totp.code.invalid}, CONFLICT
     *     {@code totp.not-enabled}
     */
    List<String> regenerateRecoveryCodes(Subject holder, String code);

    /**
     * Removes an account's TOTP on behalf of its holder (lost phone, checked in person at the office);
     * a holder whose role requires it enrols again at the next sign-in.
     *
     * @throws org.domus.core.DomusException NOT_FOUND {@code account.not-found}
     */
    void reset(long accountId, Subject actor);
}
