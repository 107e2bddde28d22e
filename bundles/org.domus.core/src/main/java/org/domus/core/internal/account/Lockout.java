package org.domus.core.internal.account;

import java.time.Duration;

/**
 * When repeated failures lock an account: from the {@value #THRESHOLD}th consecutive failure on, each
 * failure locks it for 1 minute, then 2, 4, 8 ... capped at one hour. A success resets the count.
 */
public final class Lockout {

    public static final int THRESHOLD = 5;
    static final Duration FIRST = Duration.ofMinutes(1);
    static final Duration MAX = Duration.ofHours(1);

    private Lockout() {}

    /** How long the account is locked after this many consecutive failures (zero: not locked). */
    public static Duration delayAfter(int consecutiveFailures) {
        if (consecutiveFailures < THRESHOLD) {
            return Duration.ZERO;
        }
        int doublings = Math.min(consecutiveFailures - THRESHOLD, 10); // 2^10 min already exceeds the cap
        Duration delay = FIRST.multipliedBy(1L << doublings);
        return delay.compareTo(MAX) > 0 ? MAX : delay;
    }
}
