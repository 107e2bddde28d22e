package org.domus.rest.internal;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.lang.annotation.Annotation;
import java.lang.reflect.Field;
import java.lang.reflect.Proxy;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import javax.servlet.http.HttpServletRequest;
import org.domus.rest.ClientAddress;
import org.junit.jupiter.api.Test;

class TrustedProxiesFilterTest {

    @Test
    void theConfiguredProxiesReachClientAddressThroughTheRequest() throws Exception {
        // a cfg file line "trustedProxies = 10.0.0.0/8, 192.168.1.10" arrives as one comma-separated value
        TrustedProxiesFilter filter = new TrustedProxiesFilter(config("10.0.0.0/8, 192.168.1.10", " "));
        Map<String, Object> attributes = new HashMap<>();
        HttpServletRequest request = request("192.168.1.10", "198.51.100.1", attributes);
        inject(filter, request);
        filter.filter(null);
        assertEquals(List.of("10.0.0.0/8", "192.168.1.10"), attributes.get(ClientAddress.TRUSTED_PROXIES_ATTRIBUTE));
        assertEquals("198.51.100.1", ClientAddress.of(request));
    }

    @Test
    void byDefaultNoProxyIsTrusted() throws Exception {
        TrustedProxiesFilter filter = new TrustedProxiesFilter(config());
        Map<String, Object> attributes = new HashMap<>();
        HttpServletRequest request = request("192.168.1.10", "198.51.100.1", attributes);
        inject(filter, request);
        filter.filter(null);
        assertTrue(((List<?>) attributes.get(ClientAddress.TRUSTED_PROXIES_ATTRIBUTE)).isEmpty());
        assertEquals("192.168.1.10", ClientAddress.of(request));
    }

    private static void inject(TrustedProxiesFilter filter, HttpServletRequest request) throws Exception {
        // what CXF does for the @Context field
        Field field = TrustedProxiesFilter.class.getDeclaredField("request");
        field.setAccessible(true);
        field.set(filter, request);
    }

    private static TrustedProxiesFilter.Config config(String... proxies) {
        return new TrustedProxiesFilter.Config() {
            @Override
            public Class<? extends Annotation> annotationType() {
                return TrustedProxiesFilter.Config.class;
            }

            @Override
            public String[] trustedProxies() {
                return proxies;
            }
        };
    }

    private static HttpServletRequest request(String remote, String forwardedFor, Map<String, Object> attributes) {
        return (HttpServletRequest) Proxy.newProxyInstance(
                TrustedProxiesFilterTest.class.getClassLoader(),
                new Class<?>[] {HttpServletRequest.class},
                (proxy, method, args) -> switch (method.getName()) {
                    case "getRemoteAddr" -> remote;
                    case "getHeaders" -> java.util.Collections.enumeration(List.of(forwardedFor));
                    case "getAttribute" -> attributes.get((String) args[0]);
                    case "setAttribute" -> {
                        attributes.put((String) args[0], args[1]);
                        yield null;
                    }
                    default -> throw new UnsupportedOperationException(method.getName());
                });
    }
}
