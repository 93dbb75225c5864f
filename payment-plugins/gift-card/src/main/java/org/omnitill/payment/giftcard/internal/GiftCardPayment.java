package org.omnitill.payment.giftcard.internal;

import org.omnitill.api.payment.PaymentMethod;
import org.omnitill.api.plugin.PluginFamily;
import org.omnitill.api.plugin.PluginProperties;
import org.osgi.service.component.annotations.Activate;
import org.osgi.service.component.annotations.Component;
import org.osgi.service.component.annotations.Reference;

/** The payment method {@code gift-card}: spends a gift card sold earlier (data key {@code giftCardNumber}). */
@Component(service = PaymentMethod.class, property = {
        PluginProperties.ID + "=gift-card",
        PluginProperties.FAMILY + "=" + PluginFamily.PAYMENT,
        PluginProperties.NAME + "=Gift card" })
public class GiftCardPayment extends LedgerPaymentMethod {

    @Activate
    public GiftCardPayment(@Reference(name = "ledger") GiftCardLedger ledger) {
        super(ledger, AccountKind.GIFT_CARD);
    }
}
