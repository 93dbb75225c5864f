package org.omnitill.api.payment;

import java.util.Map;

import org.omnitill.api.money.Money;

/**
 * A payment taken earlier, as the core stored it: to cancel it, refund it or ask where it stands.
 *
 * @param paymentId the id the payment was requested with
 * @param reference the provider's reference from the {@link PaymentResult}, or null if none came back
 * @param amount what was taken (or requested, for a pending payment)
 * @param registerId the register it was taken at, or null
 * @param data the method-specific input it was requested with
 */
public record PaymentReference(String paymentId, String storeId, String registerId, String reference, Money amount,
        Map<String, String> data) {

    public PaymentReference {
        data = data == null ? Map.of() : Map.copyOf(data);
    }
}
