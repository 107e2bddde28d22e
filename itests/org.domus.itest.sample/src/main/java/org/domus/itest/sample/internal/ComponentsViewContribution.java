package org.domus.itest.sample.internal;

import com.vaadin.flow.component.Component;
import org.domus.web.ViewContribution;

/** Puts the components view into the shell's menu. */
@org.osgi.service.component.annotations.Component(service = ViewContribution.class)
public class ComponentsViewContribution implements ViewContribution {

    @Override
    public String route() {
        return "sample/components";
    }

    @Override
    public Class<? extends Component> viewClass() {
        return ComponentsView.class;
    }

    @Override
    public String labelKey() {
        return "sample.menu.components";
    }

    @Override
    public String icon() {
        return "CHART";
    }

    @Override
    public int order() {
        return 910;
    }
}
