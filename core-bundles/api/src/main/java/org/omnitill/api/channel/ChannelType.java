package org.omnitill.api.channel;

/** The broad kind of a sales channel. */
public enum ChannelType {
    /** A register in a store. */
    STORE,
    /** The retailer's own web shop or app. */
    ONLINE,
    /** A third-party marketplace. */
    MARKETPLACE
}
