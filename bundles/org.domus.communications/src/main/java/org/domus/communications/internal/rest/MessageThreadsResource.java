package org.domus.communications.internal.rest;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.Base64;
import java.util.EnumSet;
import java.util.List;
import java.util.Locale;
import java.util.Set;
import javax.ws.rs.Consumes;
import javax.ws.rs.DefaultValue;
import javax.ws.rs.GET;
import javax.ws.rs.POST;
import javax.ws.rs.PUT;
import javax.ws.rs.Path;
import javax.ws.rs.PathParam;
import javax.ws.rs.Produces;
import javax.ws.rs.QueryParam;
import javax.ws.rs.core.Context;
import javax.ws.rs.core.MediaType;
import javax.ws.rs.core.Response;
import javax.ws.rs.core.SecurityContext;
import javax.ws.rs.core.UriInfo;
import org.domus.communications.Message;
import org.domus.communications.MessageAssignee;
import org.domus.communications.MessageAttachmentContent;
import org.domus.communications.MessageFile;
import org.domus.communications.MessageService;
import org.domus.communications.MessageThread;
import org.domus.communications.MessageThreadDetail;
import org.domus.communications.MessageThreadQuery;
import org.domus.communications.MessageThreadState;
import org.domus.communications.MessageTopic;
import org.domus.communications.NewMessageThread;
import org.domus.communications.UnreadMessages;
import org.domus.core.registry.Page;
import org.domus.rest.Doc;
import org.domus.rest.DomusRest;
import org.domus.rest.ValidationException;
import org.osgi.service.component.annotations.Activate;
import org.osgi.service.component.annotations.Component;
import org.osgi.service.component.annotations.Reference;
import org.osgi.service.jaxrs.whiteboard.propertytypes.JSONRequired;
import org.osgi.service.jaxrs.whiteboard.propertytypes.JaxrsApplicationSelect;
import org.osgi.service.jaxrs.whiteboard.propertytypes.JaxrsResource;

/**
 * {@code /api/communications/threads}: message threads between residents and the office. The service decides every
 * access (404 for another resident's thread, 403 for staff outside scope); files travel inside the JSON bodies
 * (base64), so that a message and its files are stored together or not at all.
 */
@Component(service = MessageThreadsResource.class)
@JaxrsResource
@JSONRequired
@JaxrsApplicationSelect(DomusRest.APPLICATION_SELECT)
@Path("communications/threads")
@Produces(MediaType.APPLICATION_JSON)
@Doc("Messages: threads between residents and the office")
public class MessageThreadsResource {

    /**
     * A file inside a JSON body.
     *
     * @param name the file name (display only)
     * @param content the bytes, base64 (a {@code data:...;base64,} URL too)
     */
    public record FileInput(String name, String content) {}

    /** A new thread: one of my current units, a topic, a subject, the first message and optional files. */
    public record ThreadInput(
            Long unitId, MessageTopic topic, String subject, String text, List<FileInput> attachments) {}

    /** A reply with optional files. */
    public record MessageInput(String text, List<FileInput> attachments) {}

    /** The colleague to assign the thread to; {@code null} unassigns it. */
    public record AssigneeInput(Long accountId) {}

    private final MessageService messages;

    @Activate
    public MessageThreadsResource(@Reference MessageService messages) {
        this.messages = messages;
    }

    @GET
    @Path("me")
    @Doc("My threads (as the resident who opened them), the latest activity first, with unread counts")
    public Page<MessageThread> mine(
            @Context SecurityContext security,
            @QueryParam("offset") @DefaultValue("0") int offset,
            @QueryParam("limit") @DefaultValue("50") int limit) {
        page(offset, limit).throwIfAny();
        return messages.mine(DomusRest.subject(security), offset, limit);
    }

    @GET
    @Doc(
            value = "The office's inbox: threads in my scope, filtered",
            description = "Staff holding `communications.read` or `communications.messages`. Filters: `state` "
                    + "(comma-separated OPEN, ANSWERED, WAITING, CLOSED), `topic` (LEDGER, REPAIR, OTHER), "
                    + "`assigned=me` (assigned to me) or `assigned=none` (unassigned), `buildingId`; `offset`, "
                    + "`limit` (max 200). Each thread carries my unread count. 403 for residents.")
    public Page<MessageThread> inbox(
            @Context SecurityContext security,
            @QueryParam("state") String state,
            @QueryParam("topic") String topic,
            @QueryParam("assigned") String assigned,
            @QueryParam("buildingId") Long buildingId,
            @QueryParam("offset") @DefaultValue("0") int offset,
            @QueryParam("limit") @DefaultValue("50") int limit) {
        ValidationException.Builder errors = page(offset, limit);
        Set<MessageThreadState> states = states(state, errors);
        MessageTopic t = enumOf(MessageTopic.class, topic, "topic", errors);
        boolean mine = false;
        boolean none = false;
        if (assigned != null && !assigned.isBlank()) {
            mine = "me".equalsIgnoreCase(assigned.strip());
            none = "none".equalsIgnoreCase(assigned.strip());
            if (!mine && !none) {
                errors.add("assigned", "validation.one-of", "me, none");
            }
        }
        errors.throwIfAny();
        return messages.inbox(
                DomusRest.subject(security), new MessageThreadQuery(states, t, mine, none, buildingId, offset, limit));
    }

    @GET
    @Path("unread")
    @Doc(
            value = "What I have not read yet",
            description = "Residents: their own threads; staff: threads assigned to them and unassigned threads in "
                    + "their `communications.messages` scope. Only the other side's messages count.")
    public UnreadMessages unread(@Context SecurityContext security) {
        return messages.unread(DomusRest.subject(security));
    }

    @POST
    @Consumes(MediaType.APPLICATION_JSON)
    @Doc(
            value = "Open a thread with the office (residents)",
            description = "`unitId` one of my current units, `topic` LEDGER, REPAIR or OTHER, `subject` (at most 200 "
                    + "characters), `text` (plain text, at most 10,000 characters), optional `attachments` "
                    + "[{`name`, `content` base64}]: photos (JPEG, PNG, GIF; re-encoded without metadata) and PDF "
                    + "documents checked by content, at most 5 (configurable) and the configured size. A refused "
                    + "file refuses the whole thread (422) and nothing is stored; another's unit is a 404.",
            status = 201,
            response = MessageThreadDetail.class)
    public Response open(@Context SecurityContext security, @Context UriInfo uri, ThreadInput input) {
        ThreadInput in = DomusRest.requireBody(input);
        ValidationException.Builder errors = ValidationException.builder();
        if (in.unitId() == null) {
            errors.add("unitId", "validation.required");
        }
        if (in.topic() == null) {
            errors.add("topic", "validation.required");
        }
        List<MessageFile> files = files(in.attachments(), errors);
        errors.throwIfAny();
        MessageThreadDetail detail = messages.open(
                DomusRest.subject(security),
                new NewMessageThread(in.unitId(), in.topic(), in.subject(), in.text(), files));
        return DomusRest.created(
                uri, "communications/threads/" + detail.thread().id(), detail);
    }

    @GET
    @Path("{threadId}")
    @Doc("A thread with its messages, oldest first; marks them read for me")
    public MessageThreadDetail get(@Context SecurityContext security, @PathParam("threadId") long threadId) {
        return messages.read(DomusRest.subject(security), threadId);
    }

    @GET
    @Path("{threadId}/messages")
    @Doc(
            value = "The thread's messages after a message id (for polling clients); marks them read",
            description = "`after` the last message id the client has (0: all).")
    public List<Message> after(
            @Context SecurityContext security,
            @PathParam("threadId") long threadId,
            @QueryParam("after") @DefaultValue("0") long after) {
        return messages.messagesAfter(DomusRest.subject(security), threadId, after);
    }

    @POST
    @Path("{threadId}/messages")
    @Consumes(MediaType.APPLICATION_JSON)
    @Doc(
            value = "Reply (the resident who opened the thread, or staff with `communications.messages`)",
            description = "`text` and optional `attachments` as for a new thread. The state follows: ANSWERED after "
                    + "an office reply, WAITING after the resident's. 409 when the thread is closed.",
            status = 201,
            response = Message.class)
    public Response reply(
            @Context SecurityContext security,
            @Context UriInfo uri,
            @PathParam("threadId") long threadId,
            MessageInput input) {
        MessageInput in = DomusRest.requireBody(input);
        ValidationException.Builder errors = ValidationException.builder();
        List<MessageFile> files = files(in.attachments(), errors);
        errors.throwIfAny();
        Message m = messages.reply(DomusRest.subject(security), threadId, in.text(), files);
        return DomusRest.created(uri, "communications/threads/" + threadId, m);
    }

    @GET
    @Path("{threadId}/assignees")
    @Doc("The colleagues the thread can be assigned to (holding `communications.messages` for its building)")
    public List<MessageAssignee> assignees(@Context SecurityContext security, @PathParam("threadId") long threadId) {
        return messages.assignees(DomusRest.subject(security), threadId);
    }

    @PUT
    @Path("{threadId}/assignee")
    @Consumes(MediaType.APPLICATION_JSON)
    @Doc(
            value = "Assign the thread to a colleague (`accountId`; null unassigns)",
            description = "Staff with `communications.messages` in scope; the colleague must hold it for the thread's "
                    + "building (422 `communications.messages.assignee-invalid` otherwise).")
    public MessageThread assign(
            @Context SecurityContext security, @PathParam("threadId") long threadId, AssigneeInput input) {
        return messages.assign(
                DomusRest.subject(security),
                threadId,
                DomusRest.requireBody(input).accountId());
    }

    @POST
    @Path("{threadId}/close")
    @Doc("Close the thread (the resident who opened it, or the office); 409 when it is closed already")
    public MessageThread close(@Context SecurityContext security, @PathParam("threadId") long threadId) {
        return messages.close(DomusRest.subject(security), threadId);
    }

    @POST
    @Path("{threadId}/reopen")
    @Doc("Reopen a closed thread (the office); its state follows its last message again")
    public MessageThread reopen(@Context SecurityContext security, @PathParam("threadId") long threadId) {
        return messages.reopen(DomusRest.subject(security), threadId);
    }

    @GET
    @Path("{threadId}/attachments/{attachmentId}")
    @Produces(MediaType.WILDCARD)
    @Doc(
            value = "Download a message's file (the thread's parties only)",
            description = "Served with its stored media type and `X-Content-Type-Options: nosniff`; everything but "
                    + "images as an attachment.")
    public Response attachment(
            @Context SecurityContext security,
            @PathParam("threadId") long threadId,
            @PathParam("attachmentId") long attachmentId) {
        return file(messages.attachment(DomusRest.subject(security), threadId, attachmentId));
    }

    // ---- helpers -------------------------------------------------------------------------------------------

    private static ValidationException.Builder page(int offset, int limit) {
        ValidationException.Builder errors = ValidationException.builder();
        if (limit < 1 || limit > MessageService.MAX_PAGE) {
            errors.add("limit", "validation.range", 1, MessageService.MAX_PAGE);
        }
        if (offset < 0) {
            errors.add("offset", "validation.min", 0);
        }
        return errors;
    }

    /** Files of a JSON body; undecodable content is refused by field ({@code attachments[i].content}). */
    static List<MessageFile> files(List<FileInput> input, ValidationException.Builder errors) {
        List<MessageFile> files = new ArrayList<>();
        if (input == null) {
            return files;
        }
        for (int i = 0; i < input.size(); i++) {
            FileInput f = input.get(i);
            if (f == null || f.name() == null || f.name().isBlank()) {
                errors.add("attachments[" + i + "].name", "validation.required");
                continue;
            }
            String content = f.content() == null ? "" : f.content().strip();
            int comma = content.startsWith("data:") ? content.indexOf(',') : -1;
            try {
                byte[] bytes = Base64.getMimeDecoder().decode(comma >= 0 ? content.substring(comma + 1) : content);
                if (bytes.length == 0) {
                    errors.add("attachments[" + i + "].content", "validation.required");
                } else {
                    files.add(new MessageFile(f.name(), bytes));
                }
            } catch (IllegalArgumentException e) {
                errors.add("attachments[" + i + "].content", "communications.messages.attachment.base64");
            }
        }
        return files;
    }

    static Set<MessageThreadState> states(String text, ValidationException.Builder errors) {
        Set<MessageThreadState> set = EnumSet.noneOf(MessageThreadState.class);
        if (text == null || text.isBlank()) {
            return set;
        }
        for (String s : text.split(",")) {
            if (s.isBlank()) {
                continue;
            }
            try {
                set.add(MessageThreadState.valueOf(s.strip().toUpperCase(Locale.ROOT)));
            } catch (IllegalArgumentException e) {
                errors.add("state", "validation.one-of", Arrays.toString(MessageThreadState.values()));
            }
        }
        return set;
    }

    static <E extends Enum<E>> E enumOf(Class<E> type, String text, String field, ValidationException.Builder errors) {
        if (text == null || text.isBlank()) {
            return null;
        }
        try {
            return Enum.valueOf(type, text.strip().toUpperCase(Locale.ROOT));
        } catch (IllegalArgumentException e) {
            errors.add(field, "validation.one-of", Arrays.toString(type.getEnumConstants()));
            return null;
        }
    }

    /** A stored file: its own media type, downloaded (never rendered) unless it is an image, never sniffed. */
    static Response file(MessageAttachmentContent content) {
        return DomusRest.storedFile(
                content.data(),
                content.attachment().mediaType(),
                content.attachment().name());
    }
}
