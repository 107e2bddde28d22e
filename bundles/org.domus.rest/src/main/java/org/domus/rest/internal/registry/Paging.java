package org.domus.rest.internal.registry;

import org.domus.rest.ValidationException;

/** Paging parameters of the registry lists. */
final class Paging {

    /** Largest page a REST client may ask for. */
    static final int MAX_LIMIT = 200;

    private Paging() {}

    static void check(int offset, int limit) {
        ValidationException.Builder errors = ValidationException.builder();
        if (offset < 0) {
            errors.add("offset", "validation.min", 0);
        }
        if (limit < 1 || limit > MAX_LIMIT) {
            errors.add("limit", "validation.range", 1, MAX_LIMIT);
        }
        errors.throwIfAny();
    }
}
