package org.domus.web.internal.ui;

import com.vaadin.flow.component.html.H2;
import com.vaadin.flow.component.html.Paragraph;
import com.vaadin.flow.component.orderedlayout.VerticalLayout;
import com.vaadin.flow.router.BeforeEnterEvent;
import com.vaadin.flow.router.ErrorParameter;
import com.vaadin.flow.router.HasErrorParameter;
import com.vaadin.flow.router.ParentLayout;
import com.vaadin.flow.router.RouterLink;
import javax.servlet.http.HttpServletResponse;

/** Translated "not permitted", shown instead of a view whose permission the subject lacks. */
@ParentLayout(MainLayout.class)
public class AccessDeniedView extends VerticalLayout implements HasErrorParameter<AccessDeniedException> {

    private static final long serialVersionUID = 1L;

    @Override
    public int setErrorParameter(BeforeEnterEvent event, ErrorParameter<AccessDeniedException> parameter) {
        removeAll();
        addClassName("domus-page");
        add(
                new H2(getTranslation("error.forbidden.title")),
                new Paragraph(getTranslation("error.forbidden.text")),
                new RouterLink(getTranslation("nav.home"), HomeView.class));
        return HttpServletResponse.SC_FORBIDDEN;
    }
}
