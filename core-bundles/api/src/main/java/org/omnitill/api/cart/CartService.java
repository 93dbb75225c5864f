package org.omnitill.api.cart;

import java.math.BigDecimal;

import org.omnitill.api.money.Money;
import org.omnitill.api.tax.TaxAddress;
import org.osgi.annotation.versioning.ProviderType;

/**
 * Carts: lines priced from the catalog, taxed by the tax rule that covers the store, paid with
 * installed payment methods. Every method either succeeds whole or changes nothing; failures are
 * {@link org.omnitill.api.error.OmnitillException}s. Provided by the core.
 *
 * <p>The adjustments ({@link #overrideLinePrice}, {@link #discountLine}, {@link #removeLineDiscount},
 * {@link #setTaxExemption}, {@link #setShipTo}) only carry out the act; who may do them and the audit
 * entry are the caller's business. Like every change of a cart they are refused on a cart that is
 * checked out ({@code cart_closed}, conflict) and once a payment was captured
 * ({@code cart_has_payments}, conflict: the amount due must not change under a captured tender);
 * an unknown cart is {@code cart_not_found} and an unknown line {@code line_not_found} (not found).
 */
@ProviderType
public interface CartService {

    /** Opens a cart at a store on an installed channel. {@code registerId} may be null. */
    CartView create(String storeId, String channel, String registerId, String openedBy);

    CartView cart(String cartId);

    /**
     * Adds an article; adding one that is already on the cart raises that line's quantity, unless
     * that line's price was overridden or it is discounted (the article then gets a line of its own).
     */
    CartView addLine(String cartId, LineInput input);

    /**
     * Changes a line's quantity. A percent discount on the line follows the new line total; an
     * amount discount stays and must not exceed it ({@code discount_exceeds_line}, unprocessable).
     */
    CartView changeLine(String cartId, String lineId, BigDecimal quantity);

    CartView removeLine(String cartId, String lineId);

    /** Pays with an installed method; {@code tendered} must be in the cart's currency. */
    PaymentOutcome pay(String cartId, String method, Money tendered);

    /**
     * Sells a line at another unit price. The line keeps the catalog price it was added at as
     * {@link LineView#regularUnitPrice()}; overriding back to that price removes the override. A
     * percent discount on the line follows the new total; an amount discount must not exceed it.
     *
     * @param unitPrice in the cart's currency ({@code currency_mismatch}, unprocessable), zero or more
     *        ({@code invalid_price}, invalid)
     * @param reason required, at most 255 characters ({@code reason_required}, {@code reason_too_long},
     *        invalid)
     * @since 1.1
     */
    CartView overrideLinePrice(String cartId, String lineId, Money unitPrice, String reason);

    /**
     * Gives a line a discount, replacing any discount it had. The discount is stored as money (a
     * percent of the line total rounded half-up to the minor unit, see {@link LineDiscount#amountOf})
     * and the line is taxed on its total after the discount.
     *
     * @throws org.omnitill.api.error.OmnitillException {@code invalid_discount} (invalid) unless
     *         exactly one of percent (0 &lt; p &le; 100, at most 2 decimals) and amount (positive) is
     *         given; {@code currency_mismatch} (unprocessable); {@code discount_exceeds_line}
     *         (unprocessable) for an amount above the line total; {@code reason_required},
     *         {@code reason_too_long} (invalid)
     * @since 1.1
     */
    CartView discountLine(String cartId, String lineId, LineDiscount discount);

    /**
     * Takes a line's discount off; a line without one is left as it is.
     *
     * @since 1.1
     */
    CartView removeLineDiscount(String cartId, String lineId);

    /**
     * Records the customer's tax exemption certificate, which the tax rule receives as
     * {@link org.omnitill.api.tax.TaxRequest#exemptionCertificate()}; whether and what it exempts is
     * the rule's decision. Null or blank removes it; at most 128 characters ({@code invalid_certificate},
     * invalid).
     *
     * @since 1.1
     */
    CartView setTaxExemption(String cartId, String certificate);

    /**
     * Ships the cart to {@code destination}, which the tax rule receives as
     * {@link org.omnitill.api.tax.TaxRequest#destination()}: a shipped cart is taxed where the goods
     * go (OSS in the EU, ship-to in the US). Null removes it, so the cart is taxed at the store again.
     *
     * <p>Only carts of channels that do not sell over the counter (channel type other than
     * {@link org.omnitill.api.channel.ChannelType#STORE}) ship; a register sale is taken away and
     * taxed at the store ({@code ship_to_not_allowed}, unprocessable). The country is an ISO 3166-1
     * alpha-2 code ({@code invalid_address}, invalid). A destination that no installed tax rule (or
     * not the rule the store is configured with) covers is refused ({@code tax_jurisdiction_not_covered},
     * unprocessable).
     *
     * @since 1.1
     */
    CartView setShipTo(String cartId, TaxAddress destination);

    /**
     * Pays with an installed method, with an idempotency key and method-specific data. The provider is
     * called outside any database transaction: the tender is first recorded as {@code PENDING}, then
     * settled with the provider's answer, so neither a slow terminal holds the cart locked nor a crash
     * loses a payment the customer made (pending tenders are resolved by asking the provider). A retry
     * with the same {@code paymentKey} answers the first attempt's tender.
     *
     * @since 1.1
     */
    PaymentOutcome pay(String cartId, String method, Money tendered, PaymentOptions options);

    /**
     * Voids a captured or pending tender of a cart that is not checked out: the plugin cancels it with
     * the provider (cash is handed back), and it no longer counts towards what is paid.
     *
     * @since 1.1
     */
    CartView voidPayment(String cartId, String tenderId);
}
