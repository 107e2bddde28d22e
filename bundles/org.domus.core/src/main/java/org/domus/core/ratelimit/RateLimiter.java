package org.domus.core.ratelimit;

import java.time.Duration;

/**
 * Counts attempts per bucket and key in fixed time windows, in the shared database, so that a limit holds
 * across every node of a cluster. Keys (client addresses, logins) are stored only as SHA-256 hashes.
 *
 * <p>Use a bucket per protected action (for example {@code tickets.anonymous}) and the client address
 * from {@code org.domus.rest.ClientAddress} as key.
 */
public interface RateLimiter {

    /**
     * Counts one attempt of {@code key} in {@code bucket}.
     *
     * @param bucket the protected action, at most 100 characters
     * @param key who attempts (hashed before it is stored)
     * @param limit attempts allowed per window, at least 1
     * @param window the window length, at least one second; windows are aligned to multiples of it
     * @return true when the attempt is allowed (and was counted); false, with nothing counted, when
     *     {@code limit} attempts were already counted in the current window
     */
    boolean tryAcquire(String bucket, String key, int limit, Duration window);
}
