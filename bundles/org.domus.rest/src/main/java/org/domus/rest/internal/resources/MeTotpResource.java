package org.domus.rest.internal.resources;

import java.time.Instant;
import java.util.Arrays;
import java.util.List;
import javax.ws.rs.Consumes;
import javax.ws.rs.GET;
import javax.ws.rs.POST;
import javax.ws.rs.Path;
import javax.ws.rs.Produces;
import javax.ws.rs.core.CacheControl;
import javax.ws.rs.core.Context;
import javax.ws.rs.core.MediaType;
import javax.ws.rs.core.Response;
import javax.ws.rs.core.SecurityContext;
import org.domus.core.account.TotpEnrolment;
import org.domus.core.account.TotpService;
import org.domus.core.account.TotpStatus;
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

/** {@code /api/me/totp}: the signed-in account's TOTP two-factor authentication. */
@Component(service = MeTotpResource.class)
@JaxrsResource
@JSONRequired
@JaxrsApplicationSelect(DomusRest.APPLICATION_SELECT)
@WithoutTotpEnrolment
@Path("me/totp")
@Produces(MediaType.APPLICATION_JSON)
@Doc("My two-factor authentication (TOTP, RFC 6238)")
public class MeTotpResource {

    /**
     * TOTP state.
     *
     * @param required my role requires TOTP: it cannot be switched off
     */
    public record Status(boolean enabled, boolean required, Instant enabledAt, int recoveryCodesLeft) {}

    /**
     * A started enrolment.
     *
     * @param secret Base32 key for typing into the app
     * @param uri the otpauth:// URI
     * @param qrPng the URI as a QR code, a PNG data URL
     */
    public record Enrolment(String secret, String uri, String qrPng) {}

    /** A code from the authenticator app. */
    public record CodeInput(String code) {}

    /** Password and a code (TOTP or recovery code), to switch TOTP off. */
    public record DisableInput(String password, String code) {}

    /** Fresh recovery codes, shown this once. */
    public record RecoveryCodes(List<String> recoveryCodes) {}

    private final TotpService totp;

    @Activate
    public MeTotpResource(@Reference TotpService totp) {
        this.totp = totp;
    }

    @GET
    @Doc("Whether TOTP is on for me")
    public Status status(@Context SecurityContext security) {
        TotpStatus s = totp.status(DomusRest.subject(security).accountId());
        return new Status(s.enabled(), s.required(), s.enabledAt(), s.recoveryCodesLeft());
    }

    @POST
    @Path("enrolment")
    @Doc(
            value = "Start enrolment",
            response = Enrolment.class,
            description = "A fresh secret as otpauth:// URI, QR code and Base32 key. TOTP is on only after "
                    + "`confirm`; starting again replaces the secret. 409 when TOTP is already on.")
    public Response begin(@Context SecurityContext security) {
        TotpEnrolment e = totp.beginEnrolment(DomusRest.subject(security));
        return noStore(new Enrolment(e.secret(), e.uri(), e.qrPng()));
    }

    @POST
    @Path("confirm")
    @Consumes(MediaType.APPLICATION_JSON)
    @Doc(
            value = "Confirm enrolment with a code from the app",
            response = RecoveryCodes.class,
            description = "Switches TOTP on and returns 10 single-use recovery codes, shown this once.")
    public Response confirm(@Context SecurityContext security, CodeInput input) {
        String code = requireCode(input == null ? null : input.code());
        return noStore(new RecoveryCodes(totp.confirmEnrolment(DomusRest.subject(security), code)));
    }

    @POST
    @Path("disable")
    @Consumes(MediaType.APPLICATION_JSON)
    @Doc(
            value = "Switch TOTP off",
            status = 204,
            description = "Needs the password and a current code or a recovery code; refused (409) when my "
                    + "role requires TOTP.")
    public void disable(@Context SecurityContext security, DisableInput input) {
        ValidationException.Builder errors = ValidationException.builder();
        if (input == null || input.password() == null || input.password().isEmpty()) {
            errors.add("password", "validation.required");
        }
        if (input == null || input.code() == null || input.code().isBlank()) {
            errors.add("code", "validation.required");
        }
        errors.throwIfAny();
        char[] password = input.password().toCharArray();
        try {
            totp.disable(DomusRest.subject(security), password, input.code().strip());
        } finally {
            Arrays.fill(password, '\0');
        }
    }

    @POST
    @Path("recovery-codes")
    @Consumes(MediaType.APPLICATION_JSON)
    @Doc(
            value = "Replace my recovery codes",
            response = RecoveryCodes.class,
            description = "Needs a current TOTP code; the old codes stop working.")
    public Response regenerate(@Context SecurityContext security, CodeInput input) {
        String code = requireCode(input == null ? null : input.code());
        return noStore(new RecoveryCodes(totp.regenerateRecoveryCodes(DomusRest.subject(security), code)));
    }

    private static String requireCode(String code) {
        if (code == null || code.isBlank()) {
            throw ValidationException.builder()
                    .add("code", "validation.required")
                    .build();
        }
        return code.strip();
    }

    private static Response noStore(Object entity) {
        CacheControl noStore = new CacheControl();
        noStore.setNoStore(true);
        return Response.ok(entity)
                .type(MediaType.APPLICATION_JSON)
                .cacheControl(noStore)
                .build();
    }
}
