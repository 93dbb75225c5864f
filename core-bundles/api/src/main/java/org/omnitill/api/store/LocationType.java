package org.omnitill.api.store;

/** Whether a location sells to customers or only holds stock. */
public enum LocationType {
    STORE, WAREHOUSE
}
