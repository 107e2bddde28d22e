package org.domus.tickets.internal;

import java.time.Clock;
import java.time.Duration;
import java.util.HashMap;
import java.util.Map;
import org.domus.core.ratelimit.RateLimiter;

/** Fixed windows aligned to multiples of the window length, counted in memory (the platform counts in the database). */
final class CountingRateLimiter implements RateLimiter {

    private final Clock clock;
    private final Map<String, Integer> counts = new HashMap<>();

    CountingRateLimiter(Clock clock) {
        this.clock = clock;
    }

    @Override
    public synchronized boolean tryAcquire(String bucket, String key, int limit, Duration window) {
        long index = clock.instant().getEpochSecond() / window.toSeconds();
        String k = bucket + "|" + key + "|" + window.toSeconds() + "|" + index;
        int used = counts.getOrDefault(k, 0);
        if (used >= limit) {
            return false;
        }
        counts.put(k, used + 1);
        return true;
    }
}
