package org.domus.itest.sample.internal;

import java.net.URI;
import java.util.List;
import javax.ws.rs.Consumes;
import javax.ws.rs.GET;
import javax.ws.rs.POST;
import javax.ws.rs.Path;
import javax.ws.rs.Produces;
import javax.ws.rs.core.Context;
import javax.ws.rs.core.MediaType;
import javax.ws.rs.core.Response;
import javax.ws.rs.core.SecurityContext;
import org.domus.rest.DomusRest;
import org.osgi.service.component.annotations.Activate;
import org.osgi.service.component.annotations.Component;
import org.osgi.service.component.annotations.Reference;
import org.osgi.service.jaxrs.whiteboard.propertytypes.JSONRequired;
import org.osgi.service.jaxrs.whiteboard.propertytypes.JaxrsApplicationSelect;
import org.osgi.service.jaxrs.whiteboard.propertytypes.JaxrsResource;

/** The sample module's REST resource: {@code /api/sample/notes}. */
@Component(service = NotesResource.class)
@JaxrsResource
@JaxrsApplicationSelect(DomusRest.APPLICATION_SELECT)
@JSONRequired
@Path("sample/notes")
@Produces(MediaType.APPLICATION_JSON)
public class NotesResource {

    private final NoteStore store;

    @Activate
    public NotesResource(@Reference NoteStore store) {
        this.store = store;
    }

    @GET
    public List<NoteDto> list(@Context SecurityContext security) {
        DomusRest.subject(security);
        return store.list();
    }

    @POST
    @Consumes(MediaType.APPLICATION_JSON)
    public Response add(NoteDto.New note, @Context SecurityContext security) {
        NoteDto created = store.add(DomusRest.subject(security), note == null ? null : note.text());
        return Response.created(URI.create("sample/notes/" + created.id()))
                .entity(created)
                .build();
    }
}
