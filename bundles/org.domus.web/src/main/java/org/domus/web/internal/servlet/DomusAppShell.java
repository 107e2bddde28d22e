package org.domus.web.internal.servlet;

import com.vaadin.flow.component.page.AppShellConfigurator;
import com.vaadin.flow.component.page.Meta;
import com.vaadin.flow.component.page.Push;
import com.vaadin.flow.component.page.Viewport;
import com.vaadin.flow.server.PWA;
import com.vaadin.flow.shared.ui.Transport;
import com.vaadin.flow.theme.Theme;

/**
 * Page-level settings of the Domus single-page application. The build-time frontend bundle reads these
 * annotations too (theme and service worker), so changing them needs a rebuild of this bundle.
 *
 * <p>Server push runs over long polling: the HTTP whiteboard registers no JSR 356 websocket endpoint, and
 * {@link DomusServlet} tells Atmosphere to use Servlet 3.0 async requests. Module views and header items
 * update the page of another user through {@code UI.access(...)}.
 */
@PWA(
        name = "Domus",
        shortName = "Domus",
        description = "Property management for housing cooperatives and owners' associations",
        iconPath = "icons/icon.png",
        themeColor = "#1f5f8b",
        backgroundColor = "#ffffff",
        offlinePath = "offline.html",
        offlineResources = {"icons/icon.png"})
@Theme("domus")
@Viewport("width=device-width, initial-scale=1")
@Meta(name = "referrer", content = "strict-origin-when-cross-origin")
@Push(transport = Transport.LONG_POLLING)
public class DomusAppShell implements AppShellConfigurator {

    private static final long serialVersionUID = 1L;
}
