package org.omnitill.api.cart;

import java.math.BigDecimal;

import org.omnitill.api.money.Money;
import org.osgi.annotation.versioning.ProviderType;

/**
 * Carts: lines priced from the catalog, taxed by the tax rule that covers the store, paid with
 * installed payment methods. Every method either succeeds whole or changes nothing; failures are
 * {@link org.omnitill.api.error.OmnitillException}s. Provided by the core.
 */
@ProviderType
public interface CartService {

    /** Opens a cart at a store on an installed channel. {@code registerId} may be null. */
    CartView create(String storeId, String channel, String registerId, String openedBy);

    CartView cart(String cartId);

    /** Adds an article; adding one that is already on the cart raises that line's quantity. */
    CartView addLine(String cartId, LineInput input);

    CartView changeLine(String cartId, String lineId, BigDecimal quantity);

    CartView removeLine(String cartId, String lineId);

    /** Pays with an installed method; {@code tendered} must be in the cart's currency. */
    PaymentOutcome pay(String cartId, String method, Money tendered);
}
