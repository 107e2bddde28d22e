package org.domus.web.internal.servlet;

import com.vaadin.flow.component.Component;
import com.vaadin.flow.di.LookupInitializer;
import com.vaadin.flow.function.DeploymentConfiguration;
import com.vaadin.flow.router.RouteConfiguration;
import com.vaadin.flow.server.ServiceException;
import com.vaadin.flow.server.VaadinServlet;
import com.vaadin.flow.server.VaadinServletService;
import com.vaadin.flow.server.startup.ApplicationRouteRegistry;
import com.vaadin.flow.server.startup.LookupServletContainerInitializer;
import com.vaadin.flow.server.startup.VaadinAppShellInitializer;
import java.io.IOException;
import java.util.List;
import java.util.Set;
import javax.servlet.Servlet;
import javax.servlet.ServletConfig;
import javax.servlet.ServletException;
import javax.servlet.http.HttpServletRequest;
import javax.servlet.http.HttpServletResponse;
import org.domus.web.internal.nav.RouteBook;
import org.domus.web.internal.ui.AccessDeniedView;
import org.domus.web.internal.ui.AccessTokensView;
import org.domus.web.internal.ui.ChangePasswordView;
import org.domus.web.internal.ui.HomeView;
import org.domus.web.internal.ui.LoginHistoryView;
import org.domus.web.internal.ui.LoginView;
import org.domus.web.internal.ui.MainLayout;
import org.domus.web.internal.ui.NotFoundView;
import org.domus.web.internal.ui.PrivacyView;
import org.domus.web.internal.ui.TermsView;
import org.domus.web.internal.ui.TwoFactorView;
import org.osgi.service.component.annotations.Activate;
import org.osgi.service.component.annotations.Reference;
import org.osgi.service.http.whiteboard.HttpWhiteboardConstants;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The Vaadin servlet of the shell, registered through the HTTP whiteboard at {@code /*} of the
 * {@value DomusServletContextHelper#NAME} context. The whiteboard does not run servlet container
 * initializers, so {@link #init} runs the two Vaadin needs by hand and then registers the routes.
 */
@org.osgi.service.component.annotations.Component(
        service = Servlet.class,
        property = {
            HttpWhiteboardConstants.HTTP_WHITEBOARD_SERVLET_NAME + "=domus-ui",
            HttpWhiteboardConstants.HTTP_WHITEBOARD_SERVLET_PATTERN + "=/*",
            HttpWhiteboardConstants.HTTP_WHITEBOARD_CONTEXT_SELECT + "=("
                    + HttpWhiteboardConstants.HTTP_WHITEBOARD_CONTEXT_NAME + "="
                    + DomusServletContextHelper.NAME + ")",
            HttpWhiteboardConstants.HTTP_WHITEBOARD_SERVLET_ASYNC_SUPPORTED + "=true",
            "servlet.init.productionMode=true",
            // Heartbeats would otherwise keep an idle session alive for ever.
            "servlet.init.closeIdleSessions=true",
            // Long-polling push needs Servlet 3.0 async; JSR 356 websockets are not wired by the whiteboard.
            "servlet.init.org.atmosphere.cpr.asyncSupport=org.atmosphere.container.Servlet30CometSupport",
            "servlet.init.org.atmosphere.websocket.suppressJSR356=true"
        })
public class DomusServlet extends VaadinServlet {

    private static final long serialVersionUID = 1L;
    private static final Logger LOG = LoggerFactory.getLogger(DomusServlet.class);

    /** The shell's own views; their routes come from their {@code @Route} annotations. */
    static final List<Class<? extends Component>> SHELL_VIEWS = List.of(
            HomeView.class,
            LoginView.class,
            ChangePasswordView.class,
            AccessTokensView.class,
            TwoFactorView.class,
            LoginHistoryView.class,
            TermsView.class,
            PrivacyView.class);

    private final transient ShellServices services;

    @Activate
    public DomusServlet(@Reference ShellServices services) {
        this.services = services;
        services.views().shellViews(SHELL_VIEWS);
    }

    @Override
    public void init(ServletConfig config) throws ServletException {
        try {
            initWithBundleClassLoader(config);
        } catch (IOException e) {
            throw new ServletException(e);
        }
    }

    private void initWithBundleClassLoader(ServletConfig config) throws ServletException, IOException {
        withBundleClassLoader(() -> {
            new LookupServletContainerInitializer()
                    .process(Set.of(LookupInitializer.class), config.getServletContext());
            VaadinAppShellInitializer.init(Set.of(DomusAppShell.class), config.getServletContext());
            super.init(config);
            ApplicationRouteRegistry registry =
                    ApplicationRouteRegistry.getInstance(getService().getContext());
            registry.update(() -> {
                RouteConfiguration routes = RouteConfiguration.forRegistry(registry);
                SHELL_VIEWS.forEach(view -> {
                    if (!routes.isRouteRegistered(view)) {
                        routes.setAnnotatedRoute(view);
                    }
                });
            });
            registry.setErrorNavigationTargets(Set.of(NotFoundView.class, AccessDeniedView.class));
            services.views().attach(new RegistryTarget(registry));
            LOG.info("Domus UI started");
            return null;
        });
    }

    @Override
    protected void service(HttpServletRequest request, HttpServletResponse response)
            throws ServletException, IOException {
        // Vaadin and Atmosphere look classes and resources up through the context class loader.
        withBundleClassLoader(() -> {
            super.service(request, response);
            return null;
        });
    }

    @Override
    public void destroy() {
        services.views().detach();
        super.destroy();
    }

    @Override
    protected VaadinServletService createServletService(DeploymentConfiguration configuration) throws ServiceException {
        DomusServletService service = new DomusServletService(this, configuration, services);
        service.init();
        return service;
    }

    private interface ServletWork {
        Object run() throws ServletException, IOException;
    }

    private void withBundleClassLoader(ServletWork work) throws ServletException, IOException {
        Thread thread = Thread.currentThread();
        ClassLoader previous = thread.getContextClassLoader();
        thread.setContextClassLoader(DomusServlet.class.getClassLoader());
        try {
            work.run();
        } finally {
            thread.setContextClassLoader(previous);
        }
    }

    /** Puts contributed routes into Vaadin's application route registry, inside the main layout. */
    private static final class RegistryTarget implements RouteBook.RouteTarget {

        private final ApplicationRouteRegistry registry;

        RegistryTarget(ApplicationRouteRegistry registry) {
            this.registry = registry;
        }

        @Override
        public void setRoute(String route, Class<? extends Component> viewClass) {
            registry.update(() -> {
                RouteConfiguration routes = RouteConfiguration.forRegistry(registry);
                // A route left over from an earlier registration of the same module would make setRoute fail.
                routes.removeRoute(route);
                routes.setRoute(route, viewClass, MainLayout.class);
            });
            LOG.info("Route /{} -> {}", route, viewClass.getName());
        }

        @Override
        public void removeRoute(String route) {
            RouteConfiguration.forRegistry(registry).removeRoute(route);
            LOG.info("Route /{} removed", route);
        }

        @Override
        public List<RouteBook.Routed> routed() {
            return registry.getRegisteredRoutes().stream()
                    .map(r -> new RouteBook.Routed(
                            withoutParameters(r.getTemplate()),
                            r.getNavigationTarget(),
                            !r.getRouteParameters().isEmpty()))
                    .toList();
        }

        /** {@code registry/unit/:___url_parameter(...)} becomes {@code registry/unit}. */
        private static String withoutParameters(String template) {
            int parameter = template.indexOf(':');
            String route = parameter < 0 ? template : template.substring(0, parameter);
            return route.endsWith("/") ? route.substring(0, route.length() - 1) : route;
        }
    }
}
