package org.domus.rest.internal.privacy;

import javax.ws.rs.DefaultValue;
import javax.ws.rs.GET;
import javax.ws.rs.POST;
import javax.ws.rs.Path;
import javax.ws.rs.PathParam;
import javax.ws.rs.Produces;
import javax.ws.rs.QueryParam;
import javax.ws.rs.core.Context;
import javax.ws.rs.core.HttpHeaders;
import javax.ws.rs.core.MediaType;
import javax.ws.rs.core.Response;
import javax.ws.rs.core.SecurityContext;
import org.domus.core.Subject;
import org.domus.core.privacy.ErasureReport;
import org.domus.core.privacy.PersonalDataExport;
import org.domus.core.privacy.PersonalDataService;
import org.domus.rest.Doc;
import org.domus.rest.DomusRest;
import org.osgi.service.component.annotations.Activate;
import org.osgi.service.component.annotations.Component;
import org.osgi.service.component.annotations.Reference;
import org.osgi.service.jaxrs.whiteboard.propertytypes.JSONRequired;
import org.osgi.service.jaxrs.whiteboard.propertytypes.JaxrsApplicationSelect;
import org.osgi.service.jaxrs.whiteboard.propertytypes.JaxrsResource;

/**
 * {@code /api/admin/persons/{id}}: a data subject's request made at the office, export and erasure
 * (administrators; permissions platform.privacy.export and platform.privacy.erase). Everything is audited.
 */
@Component(service = AdminPersonDataResource.class)
@JaxrsResource
@JSONRequired
@JaxrsApplicationSelect(DomusRest.APPLICATION_SELECT)
@Path("admin/persons/{id}")
@Produces(MediaType.APPLICATION_JSON)
@Doc("Personal-data requests made at the office: export and erasure (administrators)")
public class AdminPersonDataResource {

    private final PersonalDataService privacy;

    @Activate
    public AdminPersonDataResource(@Reference PersonalDataService privacy) {
        this.privacy = privacy;
    }

    @GET
    @Path("data-export")
    @Doc(
            value = "Everything Domus holds about a person, as JSON",
            response = PersonalDataExport.class,
            description = "As `/api/me/data-export`, for any person and their account. Audited.")
    public Response export(@Context SecurityContext security, @Context HttpHeaders headers, @PathParam("id") long id) {
        Subject actor = DomusRest.subject(security);
        return PrivacyResponses.json(
                privacy.exportPerson(actor, id, PrivacyResponses.language(headers, actor)), "personal-data-" + id);
    }

    @GET
    @Path("data-export.pdf")
    @Produces(PrivacyResponses.PDF)
    @Doc(value = "Everything Domus holds about a person, as a PDF", description = "Audited.")
    public Response pdf(@Context SecurityContext security, @Context HttpHeaders headers, @PathParam("id") long id) {
        Subject actor = DomusRest.subject(security);
        return PrivacyResponses.pdf(
                privacy.pdf(privacy.exportPerson(actor, id, PrivacyResponses.language(headers, actor))),
                "personal-data-" + id);
    }

    @POST
    @Path("erasure")
    @Doc(
            value = "Erase a former resident's personal data (or preview it with dryRun=true)",
            description = "Anonymises name, contact data, address, bank account and the account (disabled, login"
                    + " replaced), deletes tokens, second-factor secrets, recovery codes, sessions and consents,"
                    + " removes IP addresses and browsers from the sign-in history and personal values from the"
                    + " audit trail. Keeps the person as a pseudonymous placeholder, the tenure history and the audit"
                    + " trail (who, when, what). The answer lists what was erased and what was kept, with the legal"
                    + " reason, in the caller's language. 409 while the person holds a current or future tenure, for"
                    + " a company, for an account with staff roles, and for oneself. Erasing an erased person"
                    + " changes nothing (`alreadyErased`). One transaction; audited.")
    public ErasureReport erase(
            @Context SecurityContext security,
            @Context HttpHeaders headers,
            @PathParam("id") long id,
            @QueryParam("dryRun") @DefaultValue("false") boolean dryRun) {
        Subject actor = DomusRest.subject(security);
        return privacy.erase(actor, id, dryRun, PrivacyResponses.language(headers, actor));
    }
}
