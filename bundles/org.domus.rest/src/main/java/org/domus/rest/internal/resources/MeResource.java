package org.domus.rest.internal.resources;

import java.net.URI;
import java.time.Clock;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import javax.ws.rs.Consumes;
import javax.ws.rs.DELETE;
import javax.ws.rs.GET;
import javax.ws.rs.POST;
import javax.ws.rs.Path;
import javax.ws.rs.PathParam;
import javax.ws.rs.Produces;
import javax.ws.rs.core.CacheControl;
import javax.ws.rs.core.Context;
import javax.ws.rs.core.MediaType;
import javax.ws.rs.core.Response;
import javax.ws.rs.core.SecurityContext;
import javax.ws.rs.core.UriInfo;
import org.domus.core.DomusException;
import org.domus.core.Role;
import org.domus.core.Subject;
import org.domus.core.account.AccessToken;
import org.domus.core.account.AccessTokenService;
import org.domus.core.account.Account;
import org.domus.core.account.AccountService;
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

/** {@code /api/me}: the signed-in account and its personal access tokens. */
@Component(service = MeResource.class)
@JaxrsResource
@JSONRequired
@JaxrsApplicationSelect(DomusRest.APPLICATION_SELECT)
@Path("me")
@Produces(MediaType.APPLICATION_JSON)
@Doc("The signed-in account and its personal access tokens")
public class MeResource {

    /** Longest token name accepted; matches the core's limit. */
    static final int NAME_MAX = 100;

    /**
     * The signed-in account.
     *
     * @param locale BCP 47 language tag, e.g. {@code pl}
     */
    public record Me(
            long id,
            String login,
            String displayName,
            String email,
            List<Role> roles,
            String locale,
            boolean mustChangePassword) {}

    /** A personal access token; never its secret. */
    public record Token(
            long id,
            String name,
            String prefix,
            Instant createdAt,
            Instant expiresAt,
            Instant lastUsedAt,
            boolean revoked) {}

    /**
     * A new token request.
     *
     * @param name a label for the token, 1 to 100 characters
     * @param expiresAt when the token stops working; omit for no expiry
     */
    public record NewToken(String name, Instant expiresAt) {}

    /** A created token with its secret, which is shown this once only. */
    public record IssuedToken(
            long id, String name, String prefix, Instant createdAt, Instant expiresAt, String secret) {}

    /**
     * One sign-in attempt of mine.
     *
     * @param outcome SUCCESS, BAD_CREDENTIALS, BAD_SECOND_FACTOR, LOCKED, DISABLED or LOCKOUT
     */
    public record Login(Instant at, String address, String userAgent, String outcome) {}

    private final AccountService accounts;
    private final AccessTokenService tokens;
    private final Clock clock;

    @Activate
    public MeResource(@Reference AccountService accounts, @Reference AccessTokenService tokens) {
        this(accounts, tokens, Clock.systemUTC());
    }

    MeResource(AccountService accounts, AccessTokenService tokens, Clock clock) {
        this.accounts = accounts;
        this.tokens = tokens;
        this.clock = clock;
    }

    @GET
    @WithoutTotpEnrolment
    @Doc("The signed-in account")
    public Me me(@Context SecurityContext security) {
        Subject subject = DomusRest.subject(security);
        Account account = accounts.findById(subject.accountId())
                // Deleted or disabled since the session began: the caller is nobody now.
                .orElseThrow(() -> new DomusException(DomusException.Kind.UNAUTHENTICATED, "error.unauthenticated"));
        List<Role> roles = new ArrayList<>(account.roles());
        roles.sort(null);
        Locale locale = account.locale() != null ? account.locale() : subject.locale();
        return new Me(
                account.id(),
                account.login(),
                account.displayName(),
                account.email(),
                roles,
                locale.toLanguageTag(),
                account.mustChangePassword());
    }

    @GET
    @Path("logins")
    @Doc(value = "My login history, newest first", description = "At most `limit` entries (1-500, default 50).")
    public List<Login> logins(@Context SecurityContext security, @javax.ws.rs.QueryParam("limit") Integer limit) {
        int max = limit == null ? 50 : limit;
        if (max < 1 || max > 500) {
            throw ValidationException.builder()
                    .add("limit", "validation.range", 1, 500)
                    .build();
        }
        return accounts.loginHistory(DomusRest.subject(security).accountId(), max).stream()
                .map(e -> new Login(e.at(), e.address(), e.userAgent(), e.outcome()))
                .toList();
    }

    @GET
    @Path("tokens")
    @Doc("My personal access tokens, newest first")
    public List<Token> tokens(@Context SecurityContext security) {
        List<Token> result = new ArrayList<>();
        for (AccessToken token : tokens.list(DomusRest.subject(security))) {
            result.add(view(token));
        }
        return result;
    }

    @GET
    @Path("tokens/{id}")
    @Doc("One of my personal access tokens")
    public Token token(@Context SecurityContext security, @PathParam("id") long id) {
        for (AccessToken token : tokens.list(DomusRest.subject(security))) {
            if (token.id() == id) {
                return view(token);
            }
        }
        throw new DomusException(DomusException.Kind.NOT_FOUND, "token.not_found");
    }

    @POST
    @Path("tokens")
    @Consumes(MediaType.APPLICATION_JSON)
    @Doc(
            value = "Create a personal access token",
            status = 201,
            response = IssuedToken.class,
            description = "Returns the secret once; store it, it cannot be shown again. Send it as "
                    + "`Authorization: Bearer <secret>`.")
    public Response create(@Context SecurityContext security, @Context UriInfo uri, NewToken input) {
        Subject subject = DomusRest.subject(security);
        validate(input);
        String name = input.name().strip();
        AccessToken.Issued issued = tokens.create(subject, name, input.expiresAt());
        AccessToken token = issued.token();
        URI location =
                uri.getAbsolutePathBuilder().path(Long.toString(token.id())).build();
        CacheControl noStore = new CacheControl();
        noStore.setNoStore(true);
        return Response.created(location)
                .cacheControl(noStore)
                .type(MediaType.APPLICATION_JSON)
                .entity(new IssuedToken(
                        token.id(),
                        token.name(),
                        token.prefix(),
                        token.createdAt(),
                        token.expiresAt(),
                        issued.secret()))
                .build();
    }

    @DELETE
    @Path("tokens/{id}")
    @Doc("Revoke one of my personal access tokens")
    public void revoke(@Context SecurityContext security, @PathParam("id") long id) {
        tokens.revoke(DomusRest.subject(security), id);
    }

    void validate(NewToken input) {
        ValidationException.Builder errors = ValidationException.builder();
        if (input == null || input.name() == null || input.name().isBlank()) {
            errors.add("name", "validation.required");
        } else if (input.name().strip().length() > NAME_MAX) {
            errors.add("name", "validation.too_long", NAME_MAX);
        }
        if (input != null && input.expiresAt() != null && !input.expiresAt().isAfter(clock.instant())) {
            errors.add("expiresAt", "validation.in_past");
        }
        errors.throwIfAny();
    }

    private static Token view(AccessToken token) {
        return new Token(
                token.id(),
                token.name(),
                token.prefix(),
                token.createdAt(),
                token.expiresAt(),
                token.lastUsedAt(),
                token.revoked());
    }
}
