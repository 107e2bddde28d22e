package org.domus.rest.internal.registry;

import javax.ws.rs.Consumes;
import javax.ws.rs.GET;
import javax.ws.rs.PUT;
import javax.ws.rs.Path;
import javax.ws.rs.Produces;
import javax.ws.rs.core.Context;
import javax.ws.rs.core.MediaType;
import javax.ws.rs.core.SecurityContext;
import org.domus.core.DomusException;
import org.domus.core.registry.ContactData;
import org.domus.core.registry.Person;
import org.domus.core.registry.RegistryService;
import org.domus.rest.Doc;
import org.domus.rest.DomusRest;
import org.osgi.service.component.annotations.Activate;
import org.osgi.service.component.annotations.Component;
import org.osgi.service.component.annotations.Reference;
import org.osgi.service.jaxrs.whiteboard.propertytypes.JSONRequired;
import org.osgi.service.jaxrs.whiteboard.propertytypes.JaxrsApplicationSelect;
import org.osgi.service.jaxrs.whiteboard.propertytypes.JaxrsResource;

/** {@code /api/me/person}: the signed-in person's own registry record and contact data. */
@Component(service = MyPersonResource.class)
@JaxrsResource
@JSONRequired
@JaxrsApplicationSelect(DomusRest.APPLICATION_SELECT)
@Path("me/person")
@Produces(MediaType.APPLICATION_JSON)
@Doc("My person record and contact data")
public class MyPersonResource {

    private final RegistryService registry;

    @Activate
    public MyPersonResource(@Reference RegistryService registry) {
        this.registry = registry;
    }

    @GET
    @Doc("The person linked to my account; 404 when there is none")
    public Person person(@Context SecurityContext security) {
        return registry.myPerson(DomusRest.subject(security))
                .orElseThrow(() -> new DomusException(DomusException.Kind.NOT_FOUND, "registry.person.not-found"));
    }

    @PUT
    @Consumes(MediaType.APPLICATION_JSON)
    @Doc(value = "Change my contact data", description = "E-mail, phone, correspondence address and IBAN; audited.")
    public Person update(@Context SecurityContext security, ContactData input) {
        return registry.updateMyContact(
                DomusRest.subject(security), input == null ? new ContactData(null, null, null, null) : input);
    }
}
