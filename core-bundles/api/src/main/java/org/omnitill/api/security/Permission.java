package org.omnitill.api.security;

import java.util.Arrays;
import java.util.Optional;

/**
 * What a user may do. Roles grant permissions (the matrix is in {@code docs/security.md}); every REST
 * endpoint requires exactly one. The {@linkplain #needsApproval() override} permissions can also be
 * borrowed for one request from a supervisor who approves it in that request.
 */
public enum Permission {
    CATALOG_READ("catalog.read", false),
    INVENTORY_READ("inventory.read", false),
    INVENTORY_ADJUST("inventory.adjust", false),
    PRICE_CHANGE("catalog.price.change", false),
    CART_SELL("cart.sell", false),
    LINE_VOID("cart.line.void", true),
    PRICE_OVERRIDE("cart.price.override", true),
    DISCOUNT_ABOVE_THRESHOLD("cart.discount.above-threshold", true),
    TAX_EXEMPT("cart.tax.exempt", true),
    NO_SALE("register.no-sale", true),
    ORDER_READ("order.read", false),
    REFUND("order.refund", true),
    PIN_LOGIN("auth.pin-login", false),
    PIN_MANAGE("users.pin.manage", false),
    AUDIT_READ("audit.read", false),
    GIFT_CARD_ISSUE("giftcard.issue", false),
    PLUGIN_READ("plugin.read", false),
    PLUGIN_MANAGE("plugin.manage", false),
    /** Sales figures, margins and sell-through of the back office's dashboard (since 1.1). */
    REPORT_READ("report.read", false);

    private final String code;
    private final boolean needsApproval;

    Permission(String code, boolean needsApproval) {
        this.code = code;
        this.needsApproval = needsApproval;
    }

    /** The stable name used in error bodies, the audit trail and the documentation. */
    public String code() {
        return code;
    }

    /** Whether a user without it may still act with a supervisor's approval given in the same request. */
    public boolean needsApproval() {
        return needsApproval;
    }

    public static Optional<Permission> ofCode(String code) {
        return Arrays.stream(values()).filter(p -> p.code.equals(code)).findFirst();
    }
}
