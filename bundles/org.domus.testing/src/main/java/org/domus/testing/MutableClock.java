package org.domus.testing;

import java.time.Clock;
import java.time.Instant;
import java.time.ZoneId;
import java.time.ZoneOffset;

/** A clock tests move by hand; its zone is UTC. */
public final class MutableClock extends Clock {

    private volatile Instant now;

    public MutableClock(Instant start) {
        this.now = start;
    }

    public void set(Instant instant) {
        now = instant;
    }

    public void plusSeconds(long seconds) {
        now = now.plusSeconds(seconds);
    }

    public void plusMinutes(long minutes) {
        plusSeconds(minutes * 60);
    }

    public void plusHours(long hours) {
        plusSeconds(hours * 3600);
    }

    @Override
    public ZoneId getZone() {
        return ZoneOffset.UTC;
    }

    @Override
    public Clock withZone(ZoneId zone) {
        return this;
    }

    @Override
    public Instant instant() {
        return now;
    }
}
