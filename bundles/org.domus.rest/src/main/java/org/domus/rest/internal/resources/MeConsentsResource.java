package org.domus.rest.internal.resources;

import java.time.Instant;
import java.util.List;
import java.util.Map;
import javax.ws.rs.Consumes;
import javax.ws.rs.GET;
import javax.ws.rs.POST;
import javax.ws.rs.PUT;
import javax.ws.rs.Path;
import javax.ws.rs.PathParam;
import javax.ws.rs.Produces;
import javax.ws.rs.core.Context;
import javax.ws.rs.core.MediaType;
import javax.ws.rs.core.SecurityContext;
import org.domus.core.Subject;
import org.domus.core.consent.ConsentKind;
import org.domus.core.consent.ConsentService;
import org.domus.rest.Doc;
import org.domus.rest.DomusRest;
import org.domus.rest.ValidationException;
import org.domus.rest.internal.WithoutTotpEnrolment;
import org.osgi.service.component.annotations.Activate;
import org.osgi.service.component.annotations.Component;
import org.osgi.service.component.annotations.Reference;
import org.osgi.service.jaxrs.whiteboard.propertytypes.JSONRequired;
import org.osgi.service.jaxrs.whiteboard.propertytypes.JaxrsApplicationSelect;
import org.osgi.service.jaxrs.whiteboard.propertytypes.JaxrsResource;

/** {@code /api/me/consents}: my terms-of-use acceptance and my consents, with their history. */
@Component(service = MeConsentsResource.class)
@JaxrsResource
@JSONRequired
@JaxrsApplicationSelect(DomusRest.APPLICATION_SELECT)
@Path("me/consents")
@Produces(MediaType.APPLICATION_JSON)
@Doc("My terms-of-use acceptance and consents")
public class MeConsentsResource {

    /**
     * My consents now.
     *
     * @param termsVersion the version of the terms of use in force
     * @param termsAccepted whether I accepted that version
     * @param consents each consent kind and whether it is granted
     */
    public record Consents(String termsVersion, boolean termsAccepted, Map<ConsentKind, Boolean> consents) {}

    /** One change. */
    public record Change(String key, boolean granted, String termsVersion, Instant at) {}

    /** A consent switch. */
    public record Switch(Boolean granted) {}

    /** The version of the terms being accepted. */
    public record Acceptance(String version) {}

    private final ConsentService consents;

    @Activate
    public MeConsentsResource(@Reference ConsentService consents) {
        this.consents = consents;
    }

    @GET
    @Doc("My consents and whether I accepted the terms in force")
    public Consents current(@Context SecurityContext security) {
        long id = DomusRest.subject(security).accountId();
        return new Consents(consents.currentTermsVersion(), consents.hasAcceptedCurrentTerms(id), consents.current(id));
    }

    @GET
    @Path("history")
    @Doc("Every acceptance, grant and revocation, newest first")
    public List<Change> history(@Context SecurityContext security) {
        return consents.history(DomusRest.subject(security).accountId()).stream()
                .map(e -> new Change(e.key(), e.granted(), e.termsVersion(), e.at()))
                .toList();
    }

    @POST
    @WithoutTotpEnrolment
    @Path("terms")
    @Consumes(MediaType.APPLICATION_JSON)
    @Doc(value = "Accept the terms of use", description = "409 when `version` is not the version in force.")
    public Consents acceptTerms(@Context SecurityContext security, Acceptance input) {
        if (input == null || input.version() == null || input.version().isBlank()) {
            throw ValidationException.builder()
                    .add("version", "validation.required")
                    .build();
        }
        Subject subject = DomusRest.subject(security);
        consents.acceptTerms(subject, input.version().strip());
        return current(security);
    }

    @PUT
    @Path("{kind}")
    @Consumes(MediaType.APPLICATION_JSON)
    @Doc(
            value = "Grant or revoke one consent",
            description = "`kind` is E_INVOICE, E_METER_READING, " + "INSTALMENT_PAYMENTS or NOTIFICATIONS.")
    public Consents set(@Context SecurityContext security, @PathParam("kind") ConsentKind kind, Switch input) {
        if (input == null || input.granted() == null) {
            throw ValidationException.builder()
                    .add("granted", "validation.required")
                    .build();
        }
        consents.set(DomusRest.subject(security), kind, input.granted());
        return current(security);
    }
}
