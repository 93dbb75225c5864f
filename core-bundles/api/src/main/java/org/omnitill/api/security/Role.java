package org.omnitill.api.security;

/**
 * The JAAS role names Omnitill knows. A user's roles come from the realm (Karaf's
 * {@code etc/users.properties} by default, or LDAP); see {@code docs/security.md} for what each grants.
 */
public final class Role {

    public static final String CASHIER = "cashier";
    public static final String SUPERVISOR = "supervisor";
    public static final String MANAGER = "manager";
    public static final String ADMIN = "admin";
    /** Plugin management only: a partner installs and updates plugins but sees no sales data. */
    public static final String PARTNER = "partner";
    /** A register (till) as a device: it may only let cashiers sign in with their PIN. */
    public static final String REGISTER = "register";

    private Role() {
    }
}
