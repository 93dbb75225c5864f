package org.omnitill.api.device;

/** A device failed (paper out, offline). The sale it served stands; the core reports the failure. */
public class DeviceException extends Exception {
    private static final long serialVersionUID = 1L;

    public DeviceException(String message) {
        super(message);
    }

    public DeviceException(String message, Throwable cause) {
        super(message, cause);
    }
}
