package org.domus.tickets.web.internal;

import com.vaadin.flow.server.VaadinRequest;
import com.vaadin.flow.server.VaadinServletRequest;
import java.util.Arrays;
import java.util.Collection;
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;
import org.domus.rest.ClientAddress;
import org.domus.tickets.PublicTickets;
import org.domus.web.ViewContribution;
import org.osgi.service.component.annotations.Activate;
import org.osgi.service.component.annotations.Component;
import org.osgi.service.component.annotations.ConfigurationPolicy;
import org.osgi.service.component.annotations.Reference;

/**
 * The public form of a building at {@code report/<code>}: open to anyone ({@link #isPublic()}), no menu
 * entry. The client address for the service's rate limit is read like the REST application reads it
 * ({@link ClientAddress}), with the same trusted proxies (PID {@code org.domus.rest}, {@code trustedProxies}).
 */
@Component(
        service = ViewContribution.class,
        configurationPid = PublicReportContribution.REST_PID,
        configurationPolicy = ConfigurationPolicy.OPTIONAL)
public class PublicReportContribution extends TicketsContribution {

    static final String ROUTE = "report";

    /** The REST application's settings: its trusted reverse proxies apply to the public form as well. */
    static final String REST_PID = "org.domus.rest";

    /** The setting of {@link #REST_PID} this component reads (the REST bundle describes it). */
    static final String TRUSTED_PROXIES = "trustedProxies";

    @Activate
    public PublicReportContribution(@Reference PublicTickets publicTickets, Map<String, Object> properties) {
        this(publicTickets, proxies(properties.get(TRUSTED_PROXIES)));
    }

    private PublicReportContribution(PublicTickets publicTickets, List<String> proxies) {
        super(
                ROUTE,
                PublicReportView.class,
                "tickets.ui.public.title",
                "MEGAPHONE",
                GROUP,
                100,
                false,
                null,
                "tickets.publicCode",
                () -> new PublicReportView(publicTickets, () -> clientAddress(proxies)));
    }

    @Override
    public boolean isPublic() {
        return true;
    }

    /** The configured proxies: a comma-separated string, an array or a collection of strings. */
    static List<String> proxies(Object configured) {
        Stream<Object> values;
        if (configured == null) {
            values = Stream.empty();
        } else if (configured instanceof Object[] array) {
            values = Arrays.stream(array);
        } else if (configured instanceof Collection<?> collection) {
            values = collection.stream().map(Object.class::cast);
        } else {
            values = Stream.of(configured);
        }
        return values.flatMap(value -> Arrays.stream(String.valueOf(value).split(",")))
                .map(String::strip)
                .filter(value -> !value.isEmpty())
                .toList();
    }

    /** The address of the browser behind the request being handled (a UI event of the form). */
    private static String clientAddress(List<String> proxies) {
        VaadinRequest request = VaadinRequest.getCurrent();
        if (request instanceof VaadinServletRequest servlet) {
            return ClientAddress.of(servlet.getHttpServletRequest(), proxies);
        }
        return request == null ? "unknown" : request.getRemoteAddr();
    }
}
