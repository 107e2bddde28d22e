package org.domus.core.registry;

import java.util.List;

/**
 * One page of a list.
 *
 * @param items the items of this page
 * @param total how many items match in all
 * @param offset index of the first item
 * @param limit the page size asked for
 */
public record Page<T>(List<T> items, long total, int offset, int limit) {

    public Page {
        items = List.copyOf(items);
    }
}
