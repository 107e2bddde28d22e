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

    /** Routes of the menu entries the subject sees (only contributions it holds the permission for), in menu order. */
    List<String> menuRoutes(Subject subject);
}
