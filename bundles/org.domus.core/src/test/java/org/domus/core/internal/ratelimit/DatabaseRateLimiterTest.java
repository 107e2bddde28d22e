package org.domus.core.internal.ratelimit;

import static java.nio.charset.StandardCharsets.UTF_8;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.security.MessageDigest;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HexFormat;
import java.util.List;
import java.util.Map;
import java.util.concurrent.Callable;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import org.domus.core.internal.account.SecretBox;
import org.domus.core.internal.testing.CoreDatabase;
import org.domus.core.internal.testing.MutableClock;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

class DatabaseRateLimiterTest {

    private static final String BUCKET = "tickets.anonymous";
    private static final Duration HOUR = Duration.ofHours(1);

    private final CoreDatabase db = new CoreDatabase();
    private final MutableClock clock = new MutableClock(Instant.parse("2026-11-21T10:15:00Z"));
    private final SecretBox secret = SecretBox.random();
    private final DatabaseRateLimiter limiter = DatabaseRateLimiter.create(db.jpa, clock, secret);

    @AfterEach
    void close() {
        db.close();
    }

    @Test
    void allowsTheLimitThenRefusesWithoutCounting() {
        for (int i = 0; i < 3; i++) {
            assertTrue(limiter.tryAcquire(BUCKET, "203.0.113.7", 3, HOUR), "attempt " + (i + 1));
        }
        assertFalse(limiter.tryAcquire(BUCKET, "203.0.113.7", 3, HOUR));
        assertFalse(limiter.tryAcquire(BUCKET, "203.0.113.7", 3, HOUR));
        List<Map<String, Object>> rows = db.rows("SELECT HITS FROM CORE_RATE_LIMIT");
        assertEquals(1, rows.size());
        assertEquals(3, ((Number) rows.get(0).get("HITS")).intValue(), "refused attempts are not counted");
    }

    @Test
    void keysAndBucketsAreCountedApart() {
        assertTrue(limiter.tryAcquire(BUCKET, "203.0.113.7", 1, HOUR));
        assertFalse(limiter.tryAcquire(BUCKET, "203.0.113.7", 1, HOUR));
        assertTrue(limiter.tryAcquire(BUCKET, "203.0.113.8", 1, HOUR));
        assertTrue(limiter.tryAcquire("login", "203.0.113.7", 1, HOUR));
    }

    @Test
    void aNewWindowStartsAfresh() {
        assertTrue(limiter.tryAcquire(BUCKET, "198.51.100.1", 2, HOUR));
        assertTrue(limiter.tryAcquire(BUCKET, "198.51.100.1", 2, HOUR));
        assertFalse(limiter.tryAcquire(BUCKET, "198.51.100.1", 2, HOUR));
        // windows are aligned to the hour: 10:15 belongs to 10:00-11:00
        clock.advance(Duration.ofMinutes(44));
        assertFalse(limiter.tryAcquire(BUCKET, "198.51.100.1", 2, HOUR));
        clock.advance(Duration.ofMinutes(1));
        assertTrue(limiter.tryAcquire(BUCKET, "198.51.100.1", 2, HOUR));
        assertTrue(limiter.tryAcquire(BUCKET, "198.51.100.1", 2, HOUR));
        assertFalse(limiter.tryAcquire(BUCKET, "198.51.100.1", 2, HOUR));
    }

    @Test
    void expiredWindowsArePurged() {
        assertTrue(limiter.tryAcquire(BUCKET, "198.51.100.1", 5, Duration.ofMinutes(1)));
        assertTrue(limiter.tryAcquire(BUCKET, "198.51.100.2", 5, Duration.ofMinutes(1)));
        assertEquals(2, db.rows("SELECT * FROM CORE_RATE_LIMIT").size());
        clock.advance(Duration.ofMinutes(3));
        assertTrue(limiter.tryAcquire(BUCKET, "198.51.100.3", 5, Duration.ofMinutes(1)));
        List<Map<String, Object>> rows = db.rows("SELECT KEY_HASH FROM CORE_RATE_LIMIT");
        assertEquals(List.of(Map.of("KEY_HASH", secret.digest(DatabaseRateLimiter.KEY_PURPOSE, "198.51.100.3"))), rows);
    }

    @Test
    void keysAreStoredOnlyAsKeyedDigests() throws Exception {
        assertTrue(limiter.tryAcquire(BUCKET, "2001:db8::1", 5, HOUR));
        Map<String, Object> row = db.rows("SELECT * FROM CORE_RATE_LIMIT").get(0);
        assertEquals(64, row.get("KEY_HASH").toString().length());
        assertEquals(secret.digest(DatabaseRateLimiter.KEY_PURPOSE, "2001:db8::1"), row.get("KEY_HASH"));
        // Not a plain hash: without the installation's key, guessed addresses cannot be matched.
        assertNotEquals(
                HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256").digest("2001:db8::1".getBytes(UTF_8))),
                row.get("KEY_HASH"));
        assertFalse(row.values().stream().anyMatch(v -> String.valueOf(v).contains("2001:db8")));
        assertEquals(BUCKET, row.get("BUCKET"));
    }

    @Test
    void racingThreadsNeverExceedTheLimit() throws Exception {
        int limit = 40;
        int threads = 4;
        int attemptsEach = 30;
        ExecutorService pool = Executors.newFixedThreadPool(threads);
        try {
            CountDownLatch start = new CountDownLatch(1);
            List<Future<Integer>> results = new ArrayList<>();
            for (int t = 0; t < threads; t++) {
                Callable<Integer> attempts = () -> {
                    start.await();
                    int granted = 0;
                    for (int i = 0; i < attemptsEach; i++) {
                        if (limiter.tryAcquire(BUCKET, "192.0.2.99", limit, HOUR)) {
                            granted++;
                        }
                    }
                    return granted;
                };
                results.add(pool.submit(attempts));
            }
            start.countDown();
            int granted = 0;
            for (Future<Integer> result : results) {
                granted += result.get();
            }
            assertEquals(limit, granted);
            assertEquals(
                    limit,
                    ((Number) db.rows("SELECT HITS FROM CORE_RATE_LIMIT").get(0).get("HITS")).intValue());
        } finally {
            pool.shutdownNow();
        }
    }

    @Test
    void racingFirstAttemptsOfANewWindowCountOnce() throws Exception {
        // every round starts a window with no row yet, so the threads race to insert it
        ExecutorService pool = Executors.newFixedThreadPool(4);
        try {
            for (int round = 0; round < 10; round++) {
                String key = "192.0.2." + round;
                CountDownLatch start = new CountDownLatch(1);
                List<Future<Boolean>> results = new ArrayList<>();
                for (int t = 0; t < 4; t++) {
                    results.add(pool.submit(() -> {
                        start.await();
                        return limiter.tryAcquire(BUCKET, key, 2, HOUR);
                    }));
                }
                start.countDown();
                int granted = 0;
                for (Future<Boolean> result : results) {
                    granted += result.get() ? 1 : 0;
                }
                assertEquals(2, granted, "round " + round);
            }
        } finally {
            pool.shutdownNow();
        }
    }

    @Test
    void nonsenseArgumentsAreRefused() {
        assertThrows(IllegalArgumentException.class, () -> limiter.tryAcquire(BUCKET, "k", 0, HOUR));
        assertThrows(IllegalArgumentException.class, () -> limiter.tryAcquire(BUCKET, "k", 1, Duration.ofMillis(10)));
        assertThrows(IllegalArgumentException.class, () -> limiter.tryAcquire(" ", "k", 1, HOUR));
        assertThrows(NullPointerException.class, () -> limiter.tryAcquire(BUCKET, null, 1, HOUR));
    }
}
