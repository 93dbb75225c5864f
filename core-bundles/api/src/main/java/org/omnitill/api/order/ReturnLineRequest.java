package org.omnitill.api.order;

import java.math.BigDecimal;

/**
 * One line of a return: which line of the order comes back, and how much of it (whole pieces, or
 * a weight or length with the decimals its unit allows).
 */
public record ReturnLineRequest(String orderLineId, BigDecimal quantity) {
}
