package org.domus.core;

import java.util.List;
import java.util.Objects;

/**
 * A refused request, raised by services. It carries a translation key (resolved by the UI for a
 * notification and by REST for the problem document's {@code detail}) and a kind that decides the HTTP
 * status. The message key's English text is used as the exception message in logs.
 */
public class DomusException extends RuntimeException {

    private static final long serialVersionUID = 1L;

    /** What went wrong, from the caller's point of view. */
    public enum Kind {
        /** Input is malformed or breaks a rule: 400 or 422. */
        INVALID(422),
        /** The caller is not authenticated: 401. */
        UNAUTHENTICATED(401),
        /** The caller may not do this: 403. */
        FORBIDDEN(403),
        /** The object does not exist, or the caller may not know that it exists: 404. */
        NOT_FOUND(404),
        /** The request conflicts with the current state, such as a duplicate login: 409. */
        CONFLICT(409);

        private final int status;

        Kind(int status) {
            this.status = status;
        }

        public int status() {
            return status;
        }
    }

    private final Kind kind;
    private final String messageKey;
    private final List<Object> arguments;

    public DomusException(Kind kind, String messageKey, Object... arguments) {
        super(messageKey);
        this.kind = Objects.requireNonNull(kind);
        this.messageKey = Objects.requireNonNull(messageKey);
        this.arguments = List.of(arguments);
    }

    public Kind kind() {
        return kind;
    }

    /** Translation key, e.g. {@code account.login.taken}. */
    public String messageKey() {
        return messageKey;
    }

    /** Values for the placeholders {0}, {1}... of the translated message. */
    public List<Object> arguments() {
        return arguments;
    }
}
