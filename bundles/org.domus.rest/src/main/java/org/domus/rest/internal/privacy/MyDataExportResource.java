package org.domus.rest.internal.privacy;

import javax.ws.rs.GET;
import javax.ws.rs.Path;
import javax.ws.rs.Produces;
import javax.ws.rs.core.Context;
import javax.ws.rs.core.HttpHeaders;
import javax.ws.rs.core.MediaType;
import javax.ws.rs.core.Response;
import javax.ws.rs.core.SecurityContext;
import org.domus.core.Subject;
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

/** {@code /api/me/data-export}: everything Domus holds about the signed-in person, as JSON (GDPR art. 15). */
@Component(service = MyDataExportResource.class)
@JaxrsResource
@JSONRequired
@JaxrsApplicationSelect(DomusRest.APPLICATION_SELECT)
@Path("me/data-export")
@Doc("A copy of my personal data (GDPR art. 15)")
public class MyDataExportResource {

    private final PersonalDataService privacy;

    @Activate
    public MyDataExportResource(@Reference PersonalDataService privacy) {
        this.privacy = privacy;
    }

    @GET
    @Produces(MediaType.APPLICATION_JSON)
    @Doc(
            value = "Everything Domus holds about me, as JSON",
            response = PersonalDataExport.class,
            description = "My registry record and contact data, my units with their history, my account, roles,"
                    + " sign-ins, consents, access tokens (never their secrets) and the audit events about me, plus"
                    + " the sections of installed modules. Titles and labels follow Accept-Language. The same as a"
                    + " PDF: `/api/me/data-export.pdf`.")
    public Response export(@Context SecurityContext security, @Context HttpHeaders headers) {
        Subject me = DomusRest.subject(security);
        return PrivacyResponses.json(
                privacy.exportMine(me, PrivacyResponses.language(headers, me)), "domus-personal-data");
    }
}
