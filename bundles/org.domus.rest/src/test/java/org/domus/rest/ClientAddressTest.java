package org.domus.rest;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.lang.reflect.Proxy;
import java.util.Collections;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import javax.servlet.http.HttpServletRequest;
import org.junit.jupiter.api.Test;

class ClientAddressTest {

    @Test
    void withoutTrustedProxiesTheRemoteAddressIsTheClient() {
        HttpServletRequest request = request("203.0.113.7", List.of("198.51.100.1"));
        assertEquals("203.0.113.7", ClientAddress.of(request));
        assertEquals("203.0.113.7", ClientAddress.of(request, List.of()));
    }

    @Test
    void forwardedForIsIgnoredFromAnUntrustedPeer() {
        // anyone can send the header: a client claiming to be someone else is still itself
        HttpServletRequest request = request("203.0.113.7", List.of("198.51.100.1"));
        assertEquals("203.0.113.7", ClientAddress.of(request, List.of("10.0.0.0/8")));
    }

    @Test
    void forwardedForIsBelievedFromATrustedProxy() {
        HttpServletRequest request = request("10.0.0.5", List.of("198.51.100.1"));
        assertEquals("198.51.100.1", ClientAddress.of(request, List.of("10.0.0.5")));
        assertEquals("198.51.100.1", ClientAddress.of(request, List.of("10.0.0.0/8")));
    }

    @Test
    void theRightmostAddressThatIsNotATrustedProxyIsTheClient() {
        // the client forged the first entry; the load balancer (10.0.0.9) appended the real peer
        HttpServletRequest request = request("10.0.0.5", List.of("1.2.3.4, 198.51.100.1, 10.0.0.9"));
        assertEquals("198.51.100.1", ClientAddress.of(request, List.of("10.0.0.0/8")));
        HttpServletRequest twoHeaders = request("10.0.0.5", List.of("1.2.3.4", "198.51.100.1"));
        assertEquals("198.51.100.1", ClientAddress.of(twoHeaders, List.of("10.0.0.0/8")));
    }

    @Test
    void onlyTrustedHopsLeaveTheLeftmost() {
        HttpServletRequest request = request("10.0.0.5", List.of("10.1.1.1, 10.0.0.9"));
        assertEquals("10.1.1.1", ClientAddress.of(request, List.of("10.0.0.0/8")));
    }

    @Test
    void aGarbledEntryStopsAtTheLastTrustedHop() {
        HttpServletRequest request = request("10.0.0.5", List.of("198.51.100.1, evil.example.com"));
        assertEquals("10.0.0.5", ClientAddress.of(request, List.of("10.0.0.0/8")));
        HttpServletRequest noHeader = request("10.0.0.5", List.of());
        assertEquals("10.0.0.5", ClientAddress.of(noHeader, List.of("10.0.0.0/8")));
    }

    @Test
    void ipv6ProxiesAndClientsWork() {
        HttpServletRequest request = request("fd00::1", List.of("2001:db8::42"));
        assertEquals("2001:db8:0:0:0:0:0:42", ClientAddress.of(request, List.of("fd00::/8")));
        assertEquals("fd00::1", ClientAddress.of(request, List.of("10.0.0.0/8")));
    }

    @Test
    void theConfiguredProxiesComeFromTheRequestAttribute() {
        HttpServletRequest request = request("10.0.0.5", List.of("198.51.100.1"));
        request.setAttribute(ClientAddress.TRUSTED_PROXIES_ATTRIBUTE, List.of("10.0.0.0/8"));
        assertEquals("198.51.100.1", ClientAddress.of(request));
    }

    @Test
    void invalidProxyEntriesAreIgnoredAndNeverLookedUp() {
        HttpServletRequest request = request("10.0.0.5", List.of("198.51.100.1"));
        assertEquals("10.0.0.5", ClientAddress.of(request, List.of("proxy.internal", "10.0.0.0/33", "10.0.0.0/x")));
    }

    private static HttpServletRequest request(String remote, List<String> forwardedFor) {
        Map<String, Object> attributes = new HashMap<>();
        return (HttpServletRequest) Proxy.newProxyInstance(
                ClientAddressTest.class.getClassLoader(),
                new Class<?>[] {HttpServletRequest.class},
                (proxy, method, args) -> switch (method.getName()) {
                    case "getRemoteAddr" -> remote;
                    case "getHeaders" -> "X-Forwarded-For".equalsIgnoreCase((String) args[0])
                            ? Collections.enumeration(forwardedFor)
                            : Collections.emptyEnumeration();
                    case "getAttribute" -> attributes.get((String) args[0]);
                    case "setAttribute" -> {
                        attributes.put((String) args[0], args[1]);
                        yield null;
                    }
                    default -> throw new UnsupportedOperationException(method.getName());
                });
    }
}
