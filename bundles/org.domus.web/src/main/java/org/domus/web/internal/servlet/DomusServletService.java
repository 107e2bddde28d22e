package org.domus.web.internal.servlet;

import com.vaadin.flow.di.Instantiator;
import com.vaadin.flow.function.DeploymentConfiguration;
import com.vaadin.flow.server.ServiceException;
import com.vaadin.flow.server.VaadinServlet;
import com.vaadin.flow.server.VaadinServletService;

/** Hands Vaadin the Domus instantiator and applies the platform's session idle timeout. */
final class DomusServletService extends VaadinServletService {

    private static final long serialVersionUID = 1L;

    private final transient ShellServices services;

    DomusServletService(VaadinServlet servlet, DeploymentConfiguration configuration, ShellServices services) {
        super(servlet, configuration);
        this.services = services;
    }

    ShellServices services() {
        return services;
    }

    @Override
    public void init() throws ServiceException {
        super.init();
        addSessionInitListener(event -> event.getSession().getSession().setMaxInactiveInterval((int)
                services.sessions().idleTimeout().toSeconds()));
    }

    @Override
    protected Instantiator createInstantiator() throws ServiceException {
        return new DomusInstantiator(this, services);
    }
}
