package org.domus.tickets;

import org.domus.core.DomusException;

/**
 * The public form refused a submission because a limit per client address or per building code is used
 * up; REST answers 429 with {@code Retry-After}. Key {@code tickets.public.rate-limited}, argument: the
 * seconds to wait.
 */
public class RateLimitedException extends DomusException {

    private static final long serialVersionUID = 1L;

    private final long retryAfterSeconds;

    public RateLimitedException(long retryAfterSeconds) {
        super(Kind.CONFLICT, "tickets.public.rate-limited", retryAfterSeconds);
        this.retryAfterSeconds = retryAfterSeconds;
    }

    /** Seconds until the current window ends. */
    public long retryAfterSeconds() {
        return retryAfterSeconds;
    }
}
