package org.domus.rest.internal.resources;

import static org.junit.jupiter.api.Assertions.assertDoesNotThrow;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import java.time.Clock;
import java.time.Instant;
import java.time.ZoneOffset;
import org.domus.rest.ValidationException;
import org.junit.jupiter.api.Test;

class MeResourceTest {

    private static final Instant NOW = Instant.parse("2026-11-03T10:00:00Z");
    private final MeResource resource = new MeResource(null, null, Clock.fixed(NOW, ZoneOffset.UTC));

    @Test
    void tokenNeedsAName() {
        ValidationException e =
                assertThrows(ValidationException.class, () -> resource.validate(new MeResource.NewToken("  ", null)));
        assertEquals("name", e.violations().get(0).field());
        assertEquals("validation.required", e.violations().get(0).messageKey());
    }

    @Test
    void missingBodyIsAMissingName() {
        assertThrows(ValidationException.class, () -> resource.validate(null));
    }

    @Test
    void everyBadFieldIsReportedAtOnce() {
        ValidationException e = assertThrows(
                ValidationException.class,
                () -> resource.validate(new MeResource.NewToken("x".repeat(101), NOW.minusSeconds(1))));
        assertEquals(2, e.violations().size());
        assertEquals("validation.too_long", e.violations().get(0).messageKey());
        assertEquals(100, e.violations().get(0).arguments().get(0));
        assertEquals("expiresAt", e.violations().get(1).field());
    }

    @Test
    void aNamedTokenWithFutureExpiryIsValid() {
        assertDoesNotThrow(() -> resource.validate(new MeResource.NewToken("CI", NOW.plusSeconds(60))));
    }
}
