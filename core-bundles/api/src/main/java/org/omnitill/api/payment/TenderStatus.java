package org.omnitill.api.payment;

/** Where a tender stands. Only captured tenders count towards what a cart has been paid. */
public enum TenderStatus {
    PENDING, AUTHORIZED, CAPTURED, VOIDED, REFUNDED, FAILED
}
