package org.domus.core.internal.account;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.time.Duration;
import org.junit.jupiter.api.Test;

class LockoutTest {

    @Test
    void fourFailuresDoNotLock() {
        for (int i = 0; i < 5; i++) {
            assertEquals(Duration.ZERO, Lockout.delayAfter(i), "after " + i);
        }
    }

    @Test
    void fifthFailureLocksForOneMinuteThenTheDelayDoubles() {
        assertEquals(Duration.ofMinutes(1), Lockout.delayAfter(5));
        assertEquals(Duration.ofMinutes(2), Lockout.delayAfter(6));
        assertEquals(Duration.ofMinutes(4), Lockout.delayAfter(7));
        assertEquals(Duration.ofMinutes(8), Lockout.delayAfter(8));
        assertEquals(Duration.ofMinutes(16), Lockout.delayAfter(9));
        assertEquals(Duration.ofMinutes(32), Lockout.delayAfter(10));
    }

    @Test
    void delayIsCappedAtOneHour() {
        assertEquals(Duration.ofHours(1), Lockout.delayAfter(11));
        assertEquals(Duration.ofHours(1), Lockout.delayAfter(100));
        assertEquals(Duration.ofHours(1), Lockout.delayAfter(Integer.MAX_VALUE));
    }
}
