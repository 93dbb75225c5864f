package org.omnitill.api.payment;

/**
 * What the platform may keep of a card payment: never the card number itself.
 *
 * @param brand e.g. {@code visa}, {@code mc}
 * @param maskedPan at most the first six and last four digits, e.g. {@code 411111******1111}
 * @param token the provider's token for the card or payment method, for refunds, or null
 * @param authorisationCode the issuer's approval code, or null
 */
public record CardDetails(String brand, String maskedPan, String token, String authorisationCode) {

    public CardDetails {
        if (maskedPan != null && maskedPan.replaceAll("[^0-9]", "").length() > 10) {
            throw new IllegalArgumentException("a masked PAN shows at most ten digits");
        }
    }
}
