package org.omnitill.api.catalog;

import java.util.List;

/** One page of a longer result, with the total so a client can page on. */
public record Page<T>(List<T> items, long total, int offset, int limit) {

    public Page {
        items = List.copyOf(items);
    }
}
