package org.domus.tickets.web.internal;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.util.List;
import org.junit.jupiter.api.Test;

class PublicReportContributionTest {

    @Test
    void trustedProxiesAreReadAsTheRestApplicationWritesThem() {
        assertEquals(List.of(), PublicReportContribution.proxies(null));
        assertEquals(
                List.of("10.0.0.1", "192.168.0.0/16"), PublicReportContribution.proxies(" 10.0.0.1, 192.168.0.0/16"));
        assertEquals(
                List.of("10.0.0.1", "10.0.0.2", "fd00::/8"),
                PublicReportContribution.proxies(new String[] {"10.0.0.1,10.0.0.2", " fd00::/8 ", ""}));
        assertEquals(List.of("10.0.0.1"), PublicReportContribution.proxies(List.of("10.0.0.1")));
    }
}
