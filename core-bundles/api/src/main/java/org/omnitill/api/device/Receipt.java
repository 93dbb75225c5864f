package org.omnitill.api.device;

import org.omnitill.api.order.OrderView;

/** A receipt to print: the order it documents and the text the core rendered for it. */
public record Receipt(OrderView order, String text) {
}
