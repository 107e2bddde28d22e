package org.domus.web.internal.servlet;

import java.net.URL;
import org.osgi.framework.Bundle;
import org.osgi.framework.BundleContext;
import org.osgi.service.component.annotations.Activate;
import org.osgi.service.component.annotations.Component;
import org.osgi.service.http.context.ServletContextHelper;
import org.osgi.service.http.whiteboard.HttpWhiteboardConstants;

/**
 * The HTTP context of the UI at {@code /}. Vaadin reads static files (push script, PWA icon, offline
 * page) through {@code ServletContext.getResource}; in a web application they would come from
 * {@code META-INF/resources} of the jars in {@code WEB-INF/lib}, so this helper looks there on the shell
 * bundle's class path, embedded Vaadin jars included.
 */
@Component(
        service = ServletContextHelper.class,
        property = {
            HttpWhiteboardConstants.HTTP_WHITEBOARD_CONTEXT_NAME + "=" + DomusServletContextHelper.NAME,
            HttpWhiteboardConstants.HTTP_WHITEBOARD_CONTEXT_PATH + "=/"
        })
public class DomusServletContextHelper extends ServletContextHelper {

    public static final String NAME = "domus";

    private static final String RESOURCES = "META-INF/resources";

    private final Bundle bundle;

    @Activate
    public DomusServletContextHelper(BundleContext context) {
        super(context.getBundle());
        this.bundle = context.getBundle();
    }

    @Override
    public URL getResource(String name) {
        if (name == null || name.contains("..")) {
            return null;
        }
        String path = name.startsWith("/") ? name : "/" + name;
        if (path.endsWith("/")) {
            // Directories are never served.
            return null;
        }
        return bundle.getResource(RESOURCES + path);
    }
}
