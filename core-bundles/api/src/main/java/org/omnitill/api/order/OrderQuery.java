package org.omnitill.api.order;

import java.time.Instant;

/**
 * Which orders {@link OrderService#search} finds; every criterion that is null matches all.
 *
 * @param text a part of the order number, matched case-insensitively
 * @param storeId the store that placed the order
 * @param channel the sales channel, e.g. {@code register}
 * @param placedFrom the earliest placement time, inclusive
 * @param placedBefore the end of the period, exclusive
 * @param offset how many matches to skip (0 or more)
 * @param limit the most matches to return (1 or more)
 * @since 1.2
 */
public record OrderQuery(String text, String storeId, String channel, Instant placedFrom, Instant placedBefore,
        int offset, int limit) {
}
