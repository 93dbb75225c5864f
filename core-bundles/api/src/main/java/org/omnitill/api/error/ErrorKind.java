package org.omnitill.api.error;

/** What kind of failure an {@link OmnitillException} is; the REST layer maps each to one HTTP status. */
public enum ErrorKind {
    /** The request itself is malformed or a value is out of range (400). */
    INVALID,
    /** A thing the request names does not exist (404). */
    NOT_FOUND,
    /** The request clashes with the current state, e.g. stock ran out or the cart is closed (409). */
    CONFLICT,
    /** The request is well-formed but cannot be carried out as asked, e.g. an unpaid checkout (422). */
    UNPROCESSABLE,
    /** A plugin or resource the operation needs is not available right now (503). */
    UNAVAILABLE
}
