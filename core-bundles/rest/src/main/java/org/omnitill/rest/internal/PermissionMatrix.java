package org.omnitill.rest.internal;

import static org.omnitill.api.security.Permission.*;

import java.util.Collection;
import java.util.EnumSet;
import java.util.Map;
import java.util.Set;

import org.omnitill.api.security.Permission;
import org.omnitill.api.security.Role;

/**
 * Which role grants which permission. This is the matrix documented in {@code docs/security.md}
 * (a test checks that the two agree); a user's permissions are the union over their roles.
 */
final class PermissionMatrix {

    private static final Set<Permission> CASHIER = EnumSet.of(CATALOG_READ, INVENTORY_READ, CART_SELL, ORDER_READ,
            PLUGIN_READ);
    private static final Set<Permission> SUPERVISOR = union(CASHIER,
            EnumSet.of(LINE_VOID, PRICE_OVERRIDE, DISCOUNT_ABOVE_THRESHOLD, TAX_EXEMPT, NO_SALE, REFUND, GIFT_CARD_ISSUE));
    private static final Set<Permission> MANAGER = union(SUPERVISOR,
            EnumSet.of(INVENTORY_ADJUST, PRICE_CHANGE, PIN_MANAGE, AUDIT_READ, REPORT_READ));
    /** Everything but signing cashiers in, which only a register (a device) does. */
    private static final Set<Permission> ADMIN = EnumSet.complementOf(EnumSet.of(PIN_LOGIN));
    private static final Set<Permission> PARTNER = EnumSet.of(PLUGIN_READ, PLUGIN_MANAGE);
    private static final Set<Permission> REGISTER = EnumSet.of(PIN_LOGIN);

    static final Map<String, Set<Permission>> BY_ROLE = Map.of(
            Role.CASHIER, CASHIER,
            Role.SUPERVISOR, SUPERVISOR,
            Role.MANAGER, MANAGER,
            Role.ADMIN, ADMIN,
            Role.PARTNER, PARTNER,
            Role.REGISTER, REGISTER);

    /** Roles that stand for a person working in a store (who may sign in with a PIN). */
    static final Set<String> STAFF_ROLES = Set.of(Role.CASHIER, Role.SUPERVISOR, Role.MANAGER, Role.ADMIN);

    private PermissionMatrix() {
    }

    static Set<Permission> permissionsOf(Collection<String> roles) {
        Set<Permission> granted = EnumSet.noneOf(Permission.class);
        for (String role : roles) {
            Set<Permission> permissions = BY_ROLE.get(role);
            if (permissions != null) {
                granted.addAll(permissions);
            }
        }
        return granted;
    }

    private static Set<Permission> union(Set<Permission> a, Set<Permission> b) {
        Set<Permission> all = EnumSet.copyOf(a);
        all.addAll(b);
        return all;
    }
}
