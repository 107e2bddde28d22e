package org.domus.web.internal.ui;

/** Raised by navigation when the subject lacks a view's permission; shown by {@link AccessDeniedView}. */
public class AccessDeniedException extends RuntimeException {

    private static final long serialVersionUID = 1L;

    public AccessDeniedException() {
        super("access denied");
    }
}
