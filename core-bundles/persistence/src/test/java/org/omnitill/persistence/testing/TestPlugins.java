package org.omnitill.persistence.testing;

import java.math.BigDecimal;
import java.math.RoundingMode;
import java.util.ArrayList;
import java.util.List;

import org.omnitill.api.channel.ChannelType;
import org.omnitill.api.channel.SalesChannel;
import org.omnitill.api.error.OmnitillException;
import org.omnitill.api.money.Money;
import org.omnitill.api.payment.PaymentMethod;
import org.omnitill.api.payment.PaymentResult;
import org.omnitill.api.store.LocationType;
import org.omnitill.api.tax.LineTax;
import org.omnitill.api.tax.TaxAddress;
import org.omnitill.api.tax.TaxCalculation;
import org.omnitill.api.tax.TaxComponent;
import org.omnitill.api.tax.TaxRule;
import org.omnitill.api.tax.TaxableLine;

/** Minimal plugins for the core's unit tests; the real plugins are tested in their own modules and in the ITs. */
public final class TestPlugins {

    private TestPlugins() {
    }

    /** A flat 20% VAT for country XX, inclusive or exclusive, rounded per line: enough to check the cart's sums. */
    public static final class FlatVat implements TaxRule {
        public final TaxComponent vat = new TaxComponent("XX", "XX-VAT", "VAT 20%", new BigDecimal("20"));

        @Override
        public boolean covers(TaxAddress address) {
            return "XX".equals(address.country());
        }

        @Override
        public TaxCalculation calculate(org.omnitill.api.tax.TaxRequest request) {
            List<LineTax> taxes = new ArrayList<>();
            for (TaxableLine line : request.lines()) {
                if (!"standard".equals(line.taxCategory())) {
                    throw OmnitillException.unprocessable("tax_category_unknown", line.taxCategory());
                }
                Money tax = request.pricesIncludeTax()
                        ? Money.rounded(line.amount().amount().multiply(BigDecimal.valueOf(20))
                                .divide(BigDecimal.valueOf(120), 10, RoundingMode.HALF_UP), line.amount().currency(),
                                RoundingMode.HALF_UP)
                        : line.amount().times(new BigDecimal("0.20"), RoundingMode.HALF_UP);
                Money net = request.pricesIncludeTax() ? line.amount().minus(tax) : line.amount();
                taxes.add(new LineTax(line.lineId(), vat, net, tax));
            }
            return new TaxCalculation(taxes);
        }
    }

    /** Pays exactly what is asked, no change: the shape of a card payment. */
    public static final class ExactPayment implements PaymentMethod {
        @Override
        public PaymentResult pay(org.omnitill.api.payment.PaymentRequest request) {
            Money zero = Money.zero(request.due().currency());
            return PaymentResult.captured(request.tendered(), zero, zero, "auth-1");
        }

        /** Refunds whatever is asked, once per refund id. */
        @Override
        public org.omnitill.api.payment.RefundResult refund(org.omnitill.api.payment.RefundRequest request) {
            return org.omnitill.api.payment.RefundResult.refunded(request.amount(), "refund-" + request.refundId());
        }
    }

    public static final class Register implements SalesChannel {
        @Override
        public ChannelType type() {
            return ChannelType.STORE;
        }

        @Override
        public boolean sellsAt(org.omnitill.api.store.StoreView location) {
            return location.type() == LocationType.STORE;
        }
    }

}
