package org.omnitill.api.plugin;

/** The families of plugins, as written in {@link PluginProperties#FAMILY}. */
public final class PluginFamily {

    public static final String PAYMENT = "payment";
    public static final String DEVICE = "device";
    public static final String CHANNEL = "channel";
    public static final String TAX = "tax";

    private PluginFamily() {
    }
}
