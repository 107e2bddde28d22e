package org.domus.web;

import java.util.List;
import java.util.Set;
import org.domus.core.Subject;

/**
 * What the shell's navigation holds right now: the routes that module views are served at and the menu
 * a given subject sees. Registered by the shell; useful to admin pages, health checks and tests.
 */
public interface Navigation {

    /** Routes contributed by the currently installed module views. */
    Set<String> routes();

    /**
     * One view the shell serves right now.
     *
     * @param route the path without parameter, e.g. {@code registry/unit}
     * @param viewClass the view's class name
     * @param hasParameter whether the view takes a URL parameter ({@code registry/unit/<id>})
     * @param parameterKind what the parameter identifies ({@link ViewContribution#parameterKind()}), null
     *     when unknown or without a parameter
     * @param permission the permission needed to open it, null for any signed-in user (or for the public
     *     sign-in page)
     * @param inMenu whether it has a menu entry
     * @param contributed true for a module's contribution, false for the shell's own views
     * @param publicView a contribution open to anonymous visitors ({@link ViewContribution#isPublic()}; since
     *     1.4); false for the shell's own views, the sign-in page included
     * @since 1.2
     */
    record RoutedView(
            String route,
            String viewClass,
            boolean hasParameter,
            String parameterKind,
            String permission,
            boolean inMenu,
            boolean contributed,
            boolean publicView) {}

    /**
     * Every view the running shell serves, its own and the contributed ones, as Vaadin's route registry
     * holds them; sorted by route.
     *
     * @since 1.2
     */
    List<RoutedView> routedViews();

    /** Routes of the menu entries the subject sees (only contributions it holds the permission for), in menu order. */
    List<String> menuRoutes(Subject subject);
}
