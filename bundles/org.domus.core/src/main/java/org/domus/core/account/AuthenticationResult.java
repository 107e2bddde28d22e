package org.domus.core.account;

import java.util.Optional;
import org.domus.core.Subject;

/**
 * Outcome of a password check. On failure the subject is empty and {@link #outcome()} says why; the
 * UI shows one generic message for every failure so that logins cannot be probed.
 */
public record AuthenticationResult(Outcome outcome, Subject subject, boolean mustChangePassword) {

    public enum Outcome {
        SUCCESS,
        BAD_CREDENTIALS,
        LOCKED,
        DISABLED
    }

    public static AuthenticationResult failed(Outcome outcome) {
        return new AuthenticationResult(outcome, null, false);
    }

    public boolean succeeded() {
        return outcome == Outcome.SUCCESS;
    }

    public Optional<Subject> subjectIfSucceeded() {
        return Optional.ofNullable(subject);
    }
}
