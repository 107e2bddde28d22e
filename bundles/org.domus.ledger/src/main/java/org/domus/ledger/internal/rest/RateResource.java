package org.domus.ledger.internal.rest;

import java.time.LocalDate;
import javax.ws.rs.Consumes;
import javax.ws.rs.POST;
import javax.ws.rs.Path;
import javax.ws.rs.PathParam;
import javax.ws.rs.Produces;
import javax.ws.rs.core.Context;
import javax.ws.rs.core.MediaType;
import javax.ws.rs.core.SecurityContext;
import org.domus.core.Subject;
import org.domus.core.access.AccessPolicy;
import org.domus.ledger.ChargeRate;
import org.domus.ledger.ChargeService;
import org.domus.ledger.LedgerPermissions;
import org.domus.rest.Doc;
import org.domus.rest.DomusRest;
import org.domus.rest.ValidationException;
import org.osgi.service.component.annotations.Activate;
import org.osgi.service.component.annotations.Component;
import org.osgi.service.component.annotations.Reference;
import org.osgi.service.jaxrs.whiteboard.propertytypes.JSONRequired;
import org.osgi.service.jaxrs.whiteboard.propertytypes.JaxrsApplicationSelect;
import org.osgi.service.jaxrs.whiteboard.propertytypes.JaxrsResource;

/** {@code /api/ledger/rates/{rateId}/end}: ending a rate so that a new one can follow (staff). */
@Component(service = RateResource.class)
@JaxrsResource
@JSONRequired
@JaxrsApplicationSelect(DomusRest.APPLICATION_SELECT)
@Path("ledger/rates/{rateId}")
@Produces(MediaType.APPLICATION_JSON)
@Doc("Charge rates (staff)")
public class RateResource {

    /** The rate's last day. */
    public record RateEnd(LocalDate validTo) {}

    private final ChargeService charges;
    private final LedgerWrites writes;

    @Activate
    public RateResource(@Reference ChargeService charges, @Reference AccessPolicy policy) {
        this.charges = charges;
        this.writes = new LedgerWrites(policy);
    }

    @POST
    @Path("end")
    @Consumes(MediaType.APPLICATION_JSON)
    @Doc(
            value = "End a rate on a day",
            description = "Sets the rate's last day (never later than its current end, never before its start); "
                    + "rates are not deleted. Runs posted before stay as they are.")
    public ChargeRate end(@Context SecurityContext security, @PathParam("rateId") long rateId, RateEnd input) {
        Subject staff = DomusRest.subject(security);
        writes.anywhere(staff, LedgerPermissions.BILLING, "ledger.rate.not-found");
        RateEnd in = DomusRest.requireBody(input);
        ValidationException.Builder errors = ValidationException.builder();
        LedgerWrites.required(in.validTo(), "validTo", errors);
        errors.throwIfAny();
        return charges.endRate(staff, rateId, in.validTo());
    }
}
