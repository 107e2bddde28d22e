package org.domus.web.internal.servlet;

import com.vaadin.flow.component.HasElement;
import com.vaadin.flow.di.DefaultInstantiator;
import com.vaadin.flow.i18n.I18NProvider;
import com.vaadin.flow.router.NavigationEvent;
import com.vaadin.flow.server.VaadinService;
import com.vaadin.flow.server.VaadinServiceInitListener;
import java.lang.reflect.Constructor;
import java.util.Optional;
import java.util.stream.Stream;
import org.domus.web.ViewContribution;
import org.domus.web.internal.ui.AccessControl;

/**
 * Creates views: contributed ones through their {@link ViewContribution#createView()}, the shell's own
 * with a {@link ShellServices} constructor argument, anything else the Vaadin way.
 */
final class DomusInstantiator extends DefaultInstantiator {

    private static final long serialVersionUID = 1L;

    private final transient ShellServices services;

    DomusInstantiator(VaadinService service, ShellServices services) {
        super(service);
        this.services = services;
    }

    @Override
    public <T extends HasElement> T createRouteTarget(Class<T> routeTargetType, NavigationEvent event) {
        Optional<ViewContribution> contribution = services.views().byViewClass(routeTargetType);
        if (contribution.isPresent()) {
            return routeTargetType.cast(contribution.get().createView());
        }
        return super.createRouteTarget(routeTargetType, event);
    }

    @Override
    public <T> T getOrCreate(Class<T> type) {
        Optional<Constructor<T>> withServices = shellConstructor(type);
        if (withServices.isPresent()) {
            try {
                return withServices.get().newInstance(services);
            } catch (ReflectiveOperationException e) {
                throw new IllegalStateException("Cannot create " + type.getName(), e);
            }
        }
        return super.getOrCreate(type);
    }

    @Override
    public I18NProvider getI18NProvider() {
        return services.i18n();
    }

    @Override
    public Stream<VaadinServiceInitListener> getServiceInitListeners() {
        return Stream.concat(super.getServiceInitListeners(), Stream.of(new AccessControl(services)));
    }

    private static <T> Optional<Constructor<T>> shellConstructor(Class<T> type) {
        try {
            return Optional.of(type.getConstructor(ShellServices.class));
        } catch (NoSuchMethodException e) {
            return Optional.empty();
        }
    }
}
