package org.domus.core.registry;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.Collections;
import java.util.List;
import org.junit.jupiter.api.Test;

class ShareTest {

    @Test
    void sharesAreKeptInLowestTermsWithAPositiveDenominator() {
        assertEquals(new Share(1, 4), new Share(25, 100));
        assertEquals(1, new Share(25, 100).numerator());
        assertEquals(4, new Share(25, 100).denominator());
        assertEquals(new Share(1, 2), new Share(-3, -6));
        assertEquals(Share.ZERO, new Share(0, 17));
        assertEquals("3/7", new Share(6, 14).toString());
    }

    @Test
    void negativeOrUndefinedSharesAreRefused() {
        assertThrows(IllegalArgumentException.class, () -> new Share(-1, 4));
        assertThrows(IllegalArgumentException.class, () -> new Share(1, -4));
        assertThrows(IllegalArgumentException.class, () -> new Share(1, 0));
    }

    @Test
    void sumsAreExact() {
        assertEquals(Share.ONE, new Share(1, 3).plus(new Share(1, 3)).plus(new Share(1, 3)));
        assertEquals(new Share(5, 6), new Share(1, 2).plus(new Share(1, 3)));
        // 1/10 ten times is exactly one, which a double would miss
        assertEquals(Share.ONE, Share.sum(Collections.nCopies(10, new Share(1, 10))));
        assertEquals(Share.ZERO, Share.sum(List.of()));
    }

    @Test
    void sumAboveOneIsDetected() {
        Share almost = Share.sum(List.of(new Share(4567, 10000), new Share(5433, 10000)));
        assertTrue(almost.isAtMostOne());
        assertEquals(Share.ONE, almost);
        assertFalse(almost.plus(new Share(1, 1_000_000)).isAtMostOne());
    }

    @Test
    void largeDenominatorsStayExactOrFailLoudly() {
        Share a = new Share(1, 1_000_000_007L);
        Share b = new Share(1, 998_244_353L);
        Share sum = a.plus(b);
        assertEquals(1_000_000_007L + 998_244_353L, sum.numerator());
        assertThrows(
                ArithmeticException.class, () -> new Share(1, Long.MAX_VALUE).plus(new Share(1, Long.MAX_VALUE - 1)));
    }

    @Test
    void parsesFractionsAndWholeNumbers() {
        assertEquals(new Share(3, 4), Share.parse(" 6 / 8 "));
        assertEquals(Share.ONE, Share.parse("1"));
        assertThrows(IllegalArgumentException.class, () -> Share.parse("0.25"));
        assertThrows(IllegalArgumentException.class, () -> Share.parse("1/0"));
    }

    @Test
    void comparesByValue() {
        assertTrue(new Share(1, 3).compareTo(new Share(1, 2)) < 0);
        assertEquals(0, new Share(2, 4).compareTo(new Share(1, 2)));
    }
}
