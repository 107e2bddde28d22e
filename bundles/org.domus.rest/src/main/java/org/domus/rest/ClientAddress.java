package org.domus.rest;

import java.math.BigInteger;
import java.net.InetAddress;
import java.net.UnknownHostException;
import java.util.ArrayList;
import java.util.Collection;
import java.util.List;
import java.util.Optional;
import java.util.regex.Pattern;
import javax.servlet.http.HttpServletRequest;

/**
 * The address of the client behind a request, for rate limits and login events.
 *
 * <p>The servlet's remote address is the answer unless it belongs to a trusted reverse proxy (setting
 * {@code trustedProxies} of PID {@code org.domus.rest}: addresses or CIDR ranges, default none). Only then
 * is {@code X-Forwarded-For} read, from the right, skipping further trusted proxies; the first address that
 * is not a trusted proxy is the client. A client can put anything into that header, so it is never believed
 * when the request did not come through a trusted proxy.
 */
public final class ClientAddress {

    /**
     * Request attribute under which the platform puts the configured trusted proxies (a {@code List<String>})
     * for every request to the Domus application.
     */
    public static final String TRUSTED_PROXIES_ATTRIBUTE = "org.domus.rest.trustedProxies";

    static final String FORWARDED_FOR = "X-Forwarded-For";

    private static final Pattern IPV4 = Pattern.compile("\\d{1,3}(\\.\\d{1,3}){3}");
    private static final Pattern IPV6 = Pattern.compile("[0-9A-Fa-f:.]*:[0-9A-Fa-f:.]*");

    private ClientAddress() {}

    /** The client address of a request to the Domus application, with the configured trusted proxies. */
    public static String of(HttpServletRequest request) {
        Object configured = request.getAttribute(TRUSTED_PROXIES_ATTRIBUTE);
        List<String> proxies = new ArrayList<>();
        if (configured instanceof Collection<?> values) {
            for (Object value : values) {
                proxies.add(String.valueOf(value));
            }
        }
        return of(request, proxies);
    }

    /** The client address of a request, trusting {@code X-Forwarded-For} only from the given proxies. */
    public static String of(HttpServletRequest request, Collection<String> trustedProxies) {
        String remote = request.getRemoteAddr();
        List<Range> trusted = trustedProxies.stream()
                .map(ClientAddress::range)
                .flatMap(Optional::stream)
                .toList();
        if (trusted.isEmpty() || !isTrusted(remote, trusted)) {
            return remote;
        }
        List<String> hops = new ArrayList<>();
        for (java.util.Enumeration<String> headers = request.getHeaders(FORWARDED_FOR);
                headers != null && headers.hasMoreElements(); ) {
            for (String hop : headers.nextElement().split(",")) {
                hops.add(hop.strip());
            }
        }
        String client = remote;
        for (int i = hops.size() - 1; i >= 0; i--) {
            Optional<InetAddress> hop = literal(hops.get(i));
            if (hop.isEmpty()) {
                // a garbled entry: the last trusted hop is all that is known
                return client;
            }
            client = hop.get().getHostAddress();
            if (!isTrusted(client, trusted)) {
                return client;
            }
        }
        return client;
    }

    private static boolean isTrusted(String address, List<Range> trusted) {
        Optional<InetAddress> parsed = literal(address);
        return parsed.isPresent() && trusted.stream().anyMatch(range -> range.contains(parsed.get()));
    }

    /** An address or CIDR range; entries that are neither are ignored. */
    private static Optional<Range> range(String entry) {
        String text = entry.strip();
        int slash = text.indexOf('/');
        Optional<InetAddress> base = literal(slash < 0 ? text : text.substring(0, slash));
        if (base.isEmpty()) {
            return Optional.empty();
        }
        int bits = base.get().getAddress().length * 8;
        int prefix = bits;
        if (slash >= 0) {
            try {
                prefix = Integer.parseInt(text.substring(slash + 1));
            } catch (NumberFormatException e) {
                return Optional.empty();
            }
            if (prefix < 0 || prefix > bits) {
                return Optional.empty();
            }
        }
        return Optional.of(new Range(base.get().getAddress(), prefix));
    }

    /** Parses an IP literal without ever asking DNS. */
    private static Optional<InetAddress> literal(String text) {
        if (text == null) {
            return Optional.empty();
        }
        String t = text.strip();
        if (t.startsWith("[") && t.endsWith("]")) {
            t = t.substring(1, t.length() - 1);
        }
        if (!IPV4.matcher(t).matches() && !IPV6.matcher(t).matches()) {
            return Optional.empty();
        }
        try {
            return Optional.of(InetAddress.getByName(t));
        } catch (UnknownHostException | SecurityException e) {
            return Optional.empty();
        }
    }

    private record Range(byte[] network, int prefix) {
        boolean contains(InetAddress address) {
            byte[] bytes = address.getAddress();
            if (bytes.length != network.length) {
                return false;
            }
            int bits = bytes.length * 8;
            BigInteger mask = prefix == 0
                    ? BigInteger.ZERO
                    : BigInteger.ONE
                            .shiftLeft(bits)
                            .subtract(BigInteger.ONE)
                            .shiftRight(bits - prefix)
                            .shiftLeft(bits - prefix);
            return new BigInteger(1, bytes).and(mask).equals(new BigInteger(1, network).and(mask));
        }
    }
}
