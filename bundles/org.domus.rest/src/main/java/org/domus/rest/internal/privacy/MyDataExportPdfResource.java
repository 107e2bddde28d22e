package org.domus.rest.internal.privacy;

import javax.ws.rs.GET;
import javax.ws.rs.Path;
import javax.ws.rs.Produces;
import javax.ws.rs.core.Context;
import javax.ws.rs.core.HttpHeaders;
import javax.ws.rs.core.Response;
import javax.ws.rs.core.SecurityContext;
import org.domus.core.Subject;
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
 * {@code /api/me/data-export.pdf}: the same export as a readable PDF. A resource of its own because
 * {@code data-export.pdf} is not a sub-path of {@code data-export}.
 */
@Component(service = MyDataExportPdfResource.class)
@JaxrsResource
@JSONRequired
@JaxrsApplicationSelect(DomusRest.APPLICATION_SELECT)
@Path("me/data-export.pdf")
@Doc("A copy of my personal data (GDPR art. 15)")
public class MyDataExportPdfResource {

    private final PersonalDataService privacy;

    @Activate
    public MyDataExportPdfResource(@Reference PersonalDataService privacy) {
        this.privacy = privacy;
    }

    @GET
    @Produces(PrivacyResponses.PDF)
    @Doc(
            value = "Everything Domus holds about me, as a PDF",
            description = "A readable A4 document in my language (Accept-Language, else my account's language).")
    public Response pdf(@Context SecurityContext security, @Context HttpHeaders headers) {
        Subject me = DomusRest.subject(security);
        return PrivacyResponses.pdf(
                privacy.pdf(privacy.exportMine(me, PrivacyResponses.language(headers, me))), "domus-personal-data");
    }
}
