package org.domus.core.access;

import org.domus.core.Subject;

/**
 * Answers every "may X do Y" question in Domus. Views and REST resources never check roles themselves.
 */
public interface AccessPolicy {

    /** Whether the subject holds the permission anywhere in its scope. */
    boolean isGranted(Subject subject, Permission permission);

    /**
     * Fails with {@link org.domus.core.DomusException.Kind#FORBIDDEN} unless the subject holds the
     * permission.
     */
    default void require(Subject subject, Permission permission) {
        if (!isGranted(subject, permission)) {
            throw new org.domus.core.DomusException(
                    org.domus.core.DomusException.Kind.FORBIDDEN, "error.forbidden", permission.name());
        }
    }
}
