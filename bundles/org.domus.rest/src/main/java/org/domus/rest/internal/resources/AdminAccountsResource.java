package org.domus.rest.internal.resources;

import java.net.URI;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.EnumSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import javax.ws.rs.Consumes;
import javax.ws.rs.DELETE;
import javax.ws.rs.GET;
import javax.ws.rs.POST;
import javax.ws.rs.PUT;
import javax.ws.rs.Path;
import javax.ws.rs.PathParam;
import javax.ws.rs.Produces;
import javax.ws.rs.QueryParam;
import javax.ws.rs.core.CacheControl;
import javax.ws.rs.core.Context;
import javax.ws.rs.core.MediaType;
import javax.ws.rs.core.Response;
import javax.ws.rs.core.SecurityContext;
import javax.ws.rs.core.UriInfo;
import org.domus.core.DomusException;
import org.domus.core.Role;
import org.domus.core.Subject;
import org.domus.core.access.AccessPolicy;
import org.domus.core.access.Permission;
import org.domus.core.access.RoleGrant;
import org.domus.core.access.ScopeType;
import org.domus.core.account.Account;
import org.domus.core.account.AccountIssuance;
import org.domus.core.account.AccountService;
import org.domus.core.account.AccountStatus;
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
 * {@code /api/admin/accounts}: accounts issued by the office. Every call needs
 * {@code platform.accounts.manage}. The initial password is in the answer to an issue or reset and in
 * its handover letter, which can be downloaded once within ten minutes; Domus keeps neither.
 */
@Component(service = AdminAccountsResource.class)
@JaxrsResource
@JSONRequired
@JaxrsApplicationSelect(DomusRest.APPLICATION_SELECT)
@Path("admin/accounts")
@Produces(MediaType.APPLICATION_JSON)
@Doc("Accounts issued by the office (permission platform.accounts.manage)")
public class AdminAccountsResource {

    static final Duration LETTER_TTL = Duration.ofMinutes(10);

    /** An account as the office sees it. */
    public record AccountView(
            long id,
            String login,
            String displayName,
            String email,
            AccountStatus status,
            boolean mustChangePassword,
            List<Role> roles,
            String locale,
            Instant createdAt,
            Instant lastLoginAt) {}

    /**
     * Issue input.
     *
     * @param displayName the person's full name; the login is made from it
     * @param roles RESIDENT (the default) or nothing; staff roles are granted with a scope afterwards
     * @param locale preferred language tag (optional)
     */
    public record IssueInput(String displayName, String email, List<Role> roles, String locale) {}

    /**
     * An issued account or reset password.
     *
     * @param initialPassword shown this once; the holder must change it at the first sign-in
     * @param letter relative link to the handover letter PDF, downloadable once within 10 minutes
     */
    public record IssuedView(AccountView account, String initialPassword, String letter) {}

    /** New status: ACTIVE or DISABLED. */
    public record StatusInput(AccountStatus status) {}

    /**
     * A role grant: the role and the organisation, estate or building it holds in. A grant without a scope
     * (only the shell's first administrator has one) holds everywhere.
     */
    public record GrantView(Role role, ScopeType scopeType, Long scopeId) {}

    /**
     * A grant to add. Every grant needs a scope; ADMIN only organisation-wide; RESIDENT is never granted
     * (it follows from the tenures of the person linked to the account).
     */
    public record GrantInput(Role role, ScopeType scopeType, Long scopeId) {}

    private record Letter(byte[] pdf, Instant expiresAt, long creatorId) {}

    private final AccountService accounts;
    private final AccountIssuance issuance;
    private final AccessPolicy policy;
    private final Clock clock;
    private final java.security.SecureRandom random = new java.security.SecureRandom();
    private final Map<String, Letter> letters = new ConcurrentHashMap<>();

    @Activate
    public AdminAccountsResource(
            @Reference AccountService accounts, @Reference AccountIssuance issuance, @Reference AccessPolicy policy) {
        this(accounts, issuance, policy, Clock.systemUTC());
    }

    AdminAccountsResource(AccountService accounts, AccountIssuance issuance, AccessPolicy policy, Clock clock) {
        this.accounts = accounts;
        this.issuance = issuance;
        this.policy = policy;
        this.clock = clock;
    }

    private Subject manager(SecurityContext security) {
        Subject subject = DomusRest.subject(security);
        policy.require(subject, Permission.ACCOUNTS_MANAGE);
        return subject;
    }

    @GET
    @Doc(value = "Accounts ordered by login", description = "`q` filters by login or name (case-insensitive).")
    public List<AccountView> list(@Context SecurityContext security, @QueryParam("q") String q) {
        manager(security);
        String needle = q == null ? "" : q.strip().toLowerCase(Locale.ROOT);
        return accounts.list().stream()
                .filter(a -> needle.isEmpty()
                        || a.login().contains(needle)
                        || a.displayName().toLowerCase(Locale.ROOT).contains(needle))
                .map(AdminAccountsResource::view)
                .toList();
    }

    @GET
    @Path("{id}")
    @Doc("One account")
    public AccountView one(@Context SecurityContext security, @PathParam("id") long id) {
        manager(security);
        return view(find(id));
    }

    @POST
    @Consumes(MediaType.APPLICATION_JSON)
    @Doc(
            value = "Issue an account",
            status = 201,
            response = IssuedView.class,
            description = "Domus makes the login from the name and a one-time initial password that must be "
                    + "changed at the first sign-in. Hand the letter over in person; never send it by e-mail.")
    public Response issue(@Context SecurityContext security, @Context UriInfo uri, IssueInput input) {
        Subject actor = manager(security);
        ValidationException.Builder errors = ValidationException.builder();
        if (input == null || input.displayName() == null || input.displayName().isBlank()) {
            errors.add("displayName", "validation.required");
        } else if (input.displayName().strip().length() > 200) {
            errors.add("displayName", "validation.too_long", 200);
        }
        errors.throwIfAny();
        Set<Role> roles = input.roles() == null || input.roles().isEmpty()
                ? EnumSet.of(Role.RESIDENT)
                : EnumSet.copyOf(input.roles());
        Locale locale =
                input.locale() == null || input.locale().isBlank() ? null : Locale.forLanguageTag(input.locale());
        AccountIssuance.Issued issued =
                issuance.issue(new AccountIssuance.Request(input.displayName(), input.email(), roles, locale), actor);
        IssuedView body = issued(issued, uri, actor);
        URI location = uri.getBaseUriBuilder()
                .path("admin/accounts/" + issued.account().id())
                .build();
        return Response.created(location).cacheControl(noStore()).entity(body).build();
    }

    @POST
    @Path("{id}/password-reset")
    @Doc(
            value = "Give an account a new initial password",
            response = IssuedView.class,
            description = "Ends its sessions and clears a lockout; the holder must change the password at the next "
                    + "sign-in.")
    public Response reset(@Context SecurityContext security, @Context UriInfo uri, @PathParam("id") long id) {
        Subject actor = manager(security);
        AccountIssuance.Issued issued = issuance.resetPassword(id, actor);
        return Response.ok(issued(issued, uri, actor)).cacheControl(noStore()).build();
    }

    @PUT
    @Path("{id}/status")
    @Consumes(MediaType.APPLICATION_JSON)
    @Doc("Enable (ACTIVE) or disable (DISABLED) an account")
    public AccountView status(@Context SecurityContext security, @PathParam("id") long id, StatusInput input) {
        Subject actor = manager(security);
        if (input == null || input.status() == null || input.status() == AccountStatus.LOCKED) {
            throw ValidationException.builder()
                    .add("status", "validation.status")
                    .build();
        }
        find(id);
        return view(accounts.setStatus(id, input.status(), actor));
    }

    @GET
    @Path("{id}/grants")
    @Doc("An account's role grants with their scopes")
    public List<GrantView> grants(@Context SecurityContext security, @PathParam("id") long id) {
        manager(security);
        return grantViews(accounts.grants(id));
    }

    @POST
    @Path("{id}/grants")
    @Consumes(MediaType.APPLICATION_JSON)
    @Doc(
            value = "Grant a role in an organisation, estate or building",
            description = "Answers the account's grants afterwards. Audited; takes effect at the holder's next "
                    + "request. ADMIN and ACCOUNTANT holders must set up two-factor authentication before they "
                    + "can do anything else.")
    public List<GrantView> grant(@Context SecurityContext security, @PathParam("id") long id, GrantInput input) {
        Subject actor = manager(security);
        accounts.grant(id, grantOf(input), actor);
        return grantViews(accounts.grants(id));
    }

    @DELETE
    @Path("{id}/grants")
    @Doc(
            value = "Take a role grant away",
            status = 204,
            description = "`role`, `scopeType` and `scopeId` name the grant. Audited; takes effect at the holder's "
                    + "next request. The installation's last ADMIN grant cannot be taken away (409).")
    public Response revoke(
            @Context SecurityContext security,
            @PathParam("id") long id,
            @QueryParam("role") Role role,
            @QueryParam("scopeType") ScopeType scopeType,
            @QueryParam("scopeId") Long scopeId) {
        Subject actor = manager(security);
        if (role == null) {
            throw ValidationException.builder()
                    .add("role", "validation.required")
                    .build();
        }
        if ((scopeType == null) != (scopeId == null)) {
            throw ValidationException.builder()
                    .add(scopeType == null ? "scopeType" : "scopeId", "validation.required")
                    .build();
        }
        RoleGrant grant = role == Role.RESIDENT || scopeType == null
                ? RoleGrant.everywhere(role)
                : RoleGrant.scoped(role, scopeType, scopeId);
        accounts.revoke(id, grant, actor);
        return Response.noContent().build();
    }

    /** Field errors for what is missing; the service checks the rules of the grant itself. */
    private static RoleGrant grantOf(GrantInput input) {
        ValidationException.Builder errors = ValidationException.builder();
        if (input == null || input.role() == null) {
            errors.add("role", "validation.required");
        }
        if (input != null && input.role() != Role.RESIDENT) {
            if (input.scopeType() == null) {
                errors.add("scopeType", "validation.required");
            }
            if (input.scopeId() == null) {
                errors.add("scopeId", "validation.required");
            }
        }
        errors.throwIfAny();
        // RESIDENT goes to the service unscoped, which refuses it with its own reason.
        return input.role() == Role.RESIDENT
                ? RoleGrant.everywhere(Role.RESIDENT)
                : RoleGrant.scoped(input.role(), input.scopeType(), input.scopeId());
    }

    private static List<GrantView> grantViews(List<RoleGrant> grants) {
        return grants.stream()
                .map(g -> new GrantView(g.role(), g.scopeType(), g.scopeId()))
                .sorted(java.util.Comparator.comparing(GrantView::role)
                        .thenComparing(
                                g -> g.scopeType() == null ? "" : g.scopeType().name())
                        .thenComparing(g -> g.scopeId() == null ? 0L : g.scopeId()))
                .toList();
    }

    @GET
    @Path("{id}/logins")
    @Doc("An account's login history, newest first")
    public List<MeResource.Login> logins(@Context SecurityContext security, @PathParam("id") long id) {
        manager(security);
        find(id);
        return accounts.loginHistory(id, 200).stream()
                .map(e -> new MeResource.Login(e.at(), e.address(), e.userAgent(), e.outcome()))
                .toList();
    }

    @GET
    @Path("letters/{token}")
    @Produces("application/pdf")
    @Doc(
            value = "Download a handover letter (once)",
            description = "Only the staff member who issued it, within 10 minutes; afterwards the letter is gone.")
    public Response letter(@Context SecurityContext security, @PathParam("token") String token) {
        Subject actor = manager(security);
        Instant now = clock.instant();
        letters.values().removeIf(l -> !now.isBefore(l.expiresAt()));
        Letter letter = letters.get(sha256(token));
        if (letter == null || letter.creatorId() != actor.accountId()) {
            throw new DomusException(DomusException.Kind.NOT_FOUND, "letter.not_found");
        }
        letters.remove(sha256(token));
        return Response.ok(letter.pdf(), "application/pdf")
                .header("Content-Disposition", "attachment; filename=\"handover-letter.pdf\"")
                .cacheControl(noStore())
                .build();
    }

    private IssuedView issued(AccountIssuance.Issued issued, UriInfo uri, Subject actor) {
        String signInUrl = uri.getBaseUri().resolve("/login").toString();
        byte[] pdf = issuance.handoverLetter(issued, signInUrl);
        byte[] bytes = new byte[32];
        random.nextBytes(bytes);
        String token = java.util.Base64.getUrlEncoder().withoutPadding().encodeToString(bytes);
        letters.put(sha256(token), new Letter(pdf, clock.instant().plus(LETTER_TTL), actor.accountId()));
        return new IssuedView(view(issued.account()), issued.initialPassword(), "admin/accounts/letters/" + token);
    }

    private Account find(long id) {
        return accounts.findById(id)
                .orElseThrow(() -> new DomusException(DomusException.Kind.NOT_FOUND, "account.not-found"));
    }

    /** Letters are kept under the hash of their link, so a heap dump does not give working links. */
    private static String sha256(String text) {
        try {
            return java.util.HexFormat.of()
                    .formatHex(java.security.MessageDigest.getInstance("SHA-256")
                            .digest(text.getBytes(java.nio.charset.StandardCharsets.UTF_8)));
        } catch (java.security.NoSuchAlgorithmException e) {
            throw new IllegalStateException("SHA-256 is required by every Java platform", e);
        }
    }

    private static CacheControl noStore() {
        CacheControl c = new CacheControl();
        c.setNoStore(true);
        return c;
    }

    static AccountView view(Account a) {
        List<Role> roles = new ArrayList<>(a.roles());
        roles.sort(null);
        return new AccountView(
                a.id(),
                a.login(),
                a.displayName(),
                a.email(),
                a.status(),
                a.mustChangePassword(),
                roles,
                a.locale() == null ? null : a.locale().toLanguageTag(),
                a.createdAt(),
                a.lastLoginAt());
    }
}
