package org.domus.web.internal.nav;

import com.vaadin.flow.component.Component;
import com.vaadin.flow.component.html.Div;
import java.util.Optional;
import org.domus.core.access.Permission;
import org.domus.web.ViewContribution;

record TestContribution(
        String route,
        String group,
        int order,
        Permission permission,
        Class<? extends Component> view,
        boolean anonymous)
        implements ViewContribution {

    static TestContribution of(String route, String group, int order) {
        return new TestContribution(route, group, order, null, Div.class, false);
    }

    TestContribution requiring(String permission) {
        return new TestContribution(route, group, order, new Permission(permission), view, anonymous);
    }

    TestContribution showing(Class<? extends Component> viewClass) {
        return new TestContribution(route, group, order, permission, viewClass, anonymous);
    }

    /** The same contribution open to anonymous visitors. */
    TestContribution publicly() {
        return new TestContribution(route, group, order, permission, view, true);
    }

    @Override
    public boolean isPublic() {
        return anonymous;
    }

    @Override
    public Class<? extends Component> viewClass() {
        return view;
    }

    @Override
    public String labelKey() {
        return "label." + route;
    }

    @Override
    public String icon() {
        return "HOME";
    }

    @Override
    public Optional<Permission> requiredPermission() {
        return Optional.ofNullable(permission);
    }
}
