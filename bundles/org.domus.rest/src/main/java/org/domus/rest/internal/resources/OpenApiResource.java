package org.domus.rest.internal.resources;

import java.util.Map;
import javax.ws.rs.GET;
import javax.ws.rs.Path;
import javax.ws.rs.Produces;
import javax.ws.rs.core.MediaType;
import org.domus.rest.Doc;
import org.domus.rest.DomusRest;
import org.domus.rest.Public;
import org.domus.rest.internal.openapi.OpenApiService;
import org.osgi.service.component.annotations.Activate;
import org.osgi.service.component.annotations.Component;
import org.osgi.service.component.annotations.Reference;
import org.osgi.service.jaxrs.whiteboard.propertytypes.JSONRequired;
import org.osgi.service.jaxrs.whiteboard.propertytypes.JaxrsApplicationSelect;
import org.osgi.service.jaxrs.whiteboard.propertytypes.JaxrsResource;

/** {@code GET /api/openapi.json}: the API description, public so that tools can fetch it. */
@Component(service = OpenApiResource.class)
@JaxrsResource
@JSONRequired
@JaxrsApplicationSelect(DomusRest.APPLICATION_SELECT)
@Path("openapi.json")
@Public
@Doc("The API description")
public class OpenApiResource {

    private final OpenApiService openApi;

    @Activate
    public OpenApiResource(@Reference OpenApiService openApi) {
        this.openApi = openApi;
    }

    @GET
    @Produces(MediaType.APPLICATION_JSON)
    @Doc(
            value = "OpenAPI 3.0.3 document",
            description =
                    "Lists the resources registered right now, " + "including those of modules installed at run time.")
    public Map<String, Object> document() {
        return openApi.document();
    }
}
