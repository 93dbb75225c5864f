package org.omnitill.payment.giftcard.internal;

import org.omnitill.api.payment.PaymentMethod;
import org.omnitill.api.plugin.PluginFamily;
import org.omnitill.api.plugin.PluginProperties;
import org.osgi.service.component.annotations.Activate;
import org.osgi.service.component.annotations.Component;
import org.osgi.service.component.annotations.Reference;

/**
 * The payment method {@code store-credit}: spends credit a customer was given on a return (an
 * {@code SC-} account, data key {@code giftCardNumber} or {@code accountNumber}).
 */
@Component(service = PaymentMethod.class, property = {
        PluginProperties.ID + "=store-credit",
        PluginProperties.FAMILY + "=" + PluginFamily.PAYMENT,
        PluginProperties.NAME + "=Store credit" })
public class StoreCreditPayment extends LedgerPaymentMethod {

    @Activate
    public StoreCreditPayment(@Reference(name = "ledger") GiftCardLedger ledger) {
        super(ledger, AccountKind.STORE_CREDIT);
    }
}
