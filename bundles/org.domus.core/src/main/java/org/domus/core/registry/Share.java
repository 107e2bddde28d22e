package org.domus.core.registry;

import java.math.BigInteger;

/**
 * An exact, non-negative fraction such as an ownership share ({@code 1234/100000}). Always stored in
 * lowest terms with a positive denominator, so equal shares are equal records.
 *
 * @param numerator at least 0
 * @param denominator at least 1
 */
public record Share(long numerator, long denominator) implements Comparable<Share> {

    public static final Share ZERO = new Share(0, 1);
    public static final Share ONE = new Share(1, 1);

    public Share {
        if (denominator == 0) {
            throw new IllegalArgumentException("denominator must not be 0");
        }
        if (denominator < 0) {
            if (numerator == Long.MIN_VALUE || denominator == Long.MIN_VALUE) {
                throw new ArithmeticException("share out of range");
            }
            numerator = -numerator;
            denominator = -denominator;
        }
        if (numerator < 0) {
            throw new IllegalArgumentException("a share is never negative: " + numerator + "/" + denominator);
        }
        long gcd = gcd(numerator, denominator);
        numerator /= gcd;
        denominator /= gcd;
    }

    /** Parses {@code "3/4"} or a whole number {@code "1"}. */
    public static Share parse(String text) {
        if (text == null) {
            throw new IllegalArgumentException("no share");
        }
        String s = text.strip();
        int slash = s.indexOf('/');
        try {
            if (slash < 0) {
                return new Share(Long.parseLong(s), 1);
            }
            return new Share(
                    Long.parseLong(s.substring(0, slash).strip()),
                    Long.parseLong(s.substring(slash + 1).strip()));
        } catch (NumberFormatException e) {
            throw new IllegalArgumentException("not a fraction: " + text, e);
        }
    }

    /** The exact sum; fails when the reduced result does not fit in {@code long}. */
    public Share plus(Share other) {
        BigInteger n = BigInteger.valueOf(numerator)
                .multiply(BigInteger.valueOf(other.denominator))
                .add(BigInteger.valueOf(other.numerator).multiply(BigInteger.valueOf(denominator)));
        BigInteger d = BigInteger.valueOf(denominator).multiply(BigInteger.valueOf(other.denominator));
        BigInteger g = n.gcd(d);
        if (g.signum() != 0) {
            n = n.divide(g);
            d = d.divide(g);
        }
        return new Share(n.longValueExact(), d.longValueExact());
    }

    /** Sum of many shares; {@link #ZERO} for none. */
    public static Share sum(Iterable<Share> shares) {
        Share total = ZERO;
        for (Share s : shares) {
            total = total.plus(s);
        }
        return total;
    }

    /** Whether this share is at most one whole. */
    public boolean isAtMostOne() {
        return numerator <= denominator;
    }

    @Override
    public int compareTo(Share other) {
        return BigInteger.valueOf(numerator)
                .multiply(BigInteger.valueOf(other.denominator))
                .compareTo(BigInteger.valueOf(other.numerator).multiply(BigInteger.valueOf(denominator)));
    }

    @Override
    public String toString() {
        return numerator + "/" + denominator;
    }

    private static long gcd(long a, long b) {
        while (b != 0) {
            long t = a % b;
            a = b;
            b = t;
        }
        return a == 0 ? 1 : a;
    }
}
