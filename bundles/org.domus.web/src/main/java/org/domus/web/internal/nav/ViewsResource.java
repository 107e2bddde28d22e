package org.domus.web.internal.nav;

import java.util.List;
import java.util.Optional;
import javax.ws.rs.GET;
import javax.ws.rs.Path;
import javax.ws.rs.Produces;
import javax.ws.rs.QueryParam;
import javax.ws.rs.core.Context;
import javax.ws.rs.core.MediaType;
import javax.ws.rs.core.SecurityContext;
import org.domus.core.DomusException;
import org.domus.core.Subject;
import org.domus.core.access.AccessPolicy;
import org.domus.core.access.Permission;
import org.domus.core.account.AccountService;
import org.domus.rest.Doc;
import org.domus.rest.DomusRest;
import org.domus.web.Navigation;
import org.osgi.service.component.annotations.Activate;
import org.osgi.service.component.annotations.Component;
import org.osgi.service.component.annotations.Reference;
import org.osgi.service.jaxrs.whiteboard.propertytypes.JSONRequired;
import org.osgi.service.jaxrs.whiteboard.propertytypes.JaxrsApplicationSelect;
import org.osgi.service.jaxrs.whiteboard.propertytypes.JaxrsResource;

/**
 * {@code /api/admin/views}: every view the web shell serves, with its permission and what its URL
 * parameter identifies. For administrators, monitoring and the isolation tests, which open every route
 * the running system has rather than a list written by hand.
 */
@Component(service = ViewsResource.class)
@JaxrsResource
@JSONRequired
@JaxrsApplicationSelect(DomusRest.APPLICATION_SELECT)
@Path("admin/views")
@Produces(MediaType.APPLICATION_JSON)
@Doc("The web shell's views (permission platform.admin)")
public class ViewsResource {

    /**
     * A view as {@link Navigation.RoutedView} says, and whether the account asked about may open it.
     *
     * @param publicView open to anonymous visitors (no sign-in, no menu entry)
     * @param allowed for {@code ?for=<login>}: whether that account holds the view's permission now (its
     *     objects are still checked one by one); null without {@code for}
     */
    public record ViewInfo(
            String route,
            String viewClass,
            boolean hasParameter,
            String parameterKind,
            String permission,
            boolean inMenu,
            boolean contributed,
            boolean publicView,
            Boolean allowed) {}

    private final Navigation navigation;
    private final AccessPolicy policy;
    private final AccountService accounts;

    @Activate
    public ViewsResource(
            @Reference Navigation navigation, @Reference AccessPolicy policy, @Reference AccountService accounts) {
        this.navigation = navigation;
        this.policy = policy;
        this.accounts = accounts;
    }

    @GET
    @Doc(
            value = "Views the shell serves, sorted by route",
            description = "`permission` is null for views any signed-in user may open; `publicView` marks views open "
                    + "to anonymous visitors; `parameterKind` says what a "
                    + "view's URL parameter identifies (e.g. `registry.unit`). With `for=<login>`, `allowed` says "
                    + "whether that account holds each view's permission.")
    public List<ViewInfo> views(@Context SecurityContext security, @QueryParam("for") String login) {
        policy.require(DomusRest.subject(security), Permission.PLATFORM_ADMIN);
        Optional<Subject> holder = login == null || login.isBlank()
                ? Optional.empty()
                : Optional.of(accounts.findByLogin(login)
                        .flatMap(a -> accounts.subjectOf(a.id()))
                        .orElseThrow(() -> new DomusException(DomusException.Kind.NOT_FOUND, "account.not-found")));
        return navigation.routedViews().stream()
                .map(v -> new ViewInfo(
                        v.route(),
                        v.viewClass(),
                        v.hasParameter(),
                        v.parameterKind(),
                        v.permission(),
                        v.inMenu(),
                        v.contributed(),
                        v.publicView(),
                        holder.map(s -> v.permission() == null || policy.isGranted(s, new Permission(v.permission())))
                                .orElse(null)))
                .toList();
    }
}
