package org.omnitill.cart.internal;

import java.math.BigDecimal;
import java.math.RoundingMode;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Currency;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import org.omnitill.api.cart.CartView;
import org.omnitill.api.cart.LineView;
import org.omnitill.api.cart.TaxBreakdown;
import org.omnitill.api.cart.TenderView;
import org.omnitill.api.error.OmnitillException;
import org.omnitill.api.money.Money;
import org.omnitill.api.payment.TenderStatus;
import org.omnitill.api.store.StoreView;
import org.omnitill.api.tax.LineTax;
import org.omnitill.api.tax.TaxAddress;
import org.omnitill.api.tax.TaxCalculation;
import org.omnitill.api.tax.TaxComponent;
import org.omnitill.api.tax.TaxRequest;
import org.omnitill.api.tax.TaxRule;
import org.omnitill.api.tax.TaxableLine;
import org.omnitill.persistence.model.CartEntity;
import org.omnitill.persistence.model.CartLineEntity;
import org.omnitill.persistence.model.TenderEntity;

/**
 * Prices a cart: line totals from the stored unit prices less the stored discounts, taxes from the
 * tax rule (asked with the cart's ship-to destination, channel and exemption certificate), payments
 * from the captured tenders. Pure: the same cart, store, rule and date always give the same view.
 */
final class CartPricer {

    private CartPricer() {
    }

    static TaxAddress addressOf(StoreView store) {
        return new TaxAddress(store.country(), store.region(), store.postalCode(), store.city());
    }

    /** Where the cart's goods are shipped to, or null for a sale over the counter. */
    static TaxAddress shipTo(CartEntity cart) {
        return cart.shipToCountry == null ? null
                : new TaxAddress(cart.shipToCountry, cart.shipToRegion, cart.shipToPostalCode, cart.shipToCity);
    }

    /** The address whose taxes apply: the ship-to destination if there is one, else the store. */
    static TaxAddress taxedAt(CartEntity cart, StoreView store) {
        TaxAddress shipTo = shipTo(cart);
        return shipTo != null ? shipTo : addressOf(store);
    }

    /**
     * @param rule the tax rule covering the store, or null if none is installed
     */
    static CartView price(CartEntity cart, StoreView store, TaxRule rule, LocalDate saleDate) {
        return price(cart, store, rule, null, saleDate);
    }

    /**
     * @param rule the tax rule that taxes the cart, or null if it is not installed
     * @param taxRuleId the plugin id of that rule (also when it is not installed but configured), or null
     */
    static CartView price(CartEntity cart, StoreView store, TaxRule rule, String taxRuleId, LocalDate saleDate) {
        Currency currency = Money.currency(cart.currency);
        Money zero = Money.zero(currency);
        TaxAddress shipTo = shipTo(cart);

        Map<String, Money> lineTotals = new LinkedHashMap<>();
        Money subtotal = zero;
        for (CartLineEntity line : cart.lines) {
            Money lineTotal = lineTotal(line, currency);
            lineTotals.put(line.id, lineTotal);
            subtotal = subtotal.plus(lineTotal);
        }

        Map<String, Money> taxPerLine = new HashMap<>();
        Map<String, String> taxCodePerLine = new HashMap<>();
        Map<String, TaxSum> perComponent = new LinkedHashMap<>();
        Money taxTotal = zero;
        if (rule != null && !cart.lines.isEmpty()) {
            List<TaxableLine> taxable = new ArrayList<>();
            for (CartLineEntity line : cart.lines) {
                taxable.add(new TaxableLine(line.id, line.sku, line.taxCategory, lineTotals.get(line.id)));
            }
            TaxCalculation calculation = rule.calculate(new TaxRequest(addressOf(store), shipTo, cart.channel, saleDate,
                    currency, cart.pricesIncludeTax, taxable, cart.taxExemptionCertificate));
            for (LineTax lineTax : calculation.lineTaxes()) {
                if (!lineTotals.containsKey(lineTax.lineId()) || !lineTax.tax().currency().equals(currency)) {
                    throw OmnitillException.unavailable("tax_rule_failed",
                            "the tax rule answered for an unknown line or in another currency");
                }
                taxPerLine.merge(lineTax.lineId(), lineTax.tax(), Money::plus);
                taxCodePerLine.merge(lineTax.lineId(), lineTax.component().code(),
                        (a, b) -> a.equals(b) ? a : MULTIPLE_RATES);
                perComponent.computeIfAbsent(lineTax.component().code(), c -> new TaxSum(lineTax.component(), zero))
                        .add(lineTax);
                taxTotal = taxTotal.plus(lineTax.tax());
            }
        }

        List<LineView> lines = new ArrayList<>();
        for (CartLineEntity line : cart.lines) {
            Money unitPrice = Money.of(line.unitPrice, currency);
            Money regular = regularUnitPrice(line, currency);
            lines.add(new LineView(line.id, line.lineNo, line.sku, line.name, line.barcode, line.quantity.stripTrailingZeros(),
                    line.unit, unitPrice, lineTotals.get(line.id), line.taxCategory,
                    taxCode(taxCodePerLine.get(line.id)), taxPerLine.getOrDefault(line.id, zero), regular,
                    regular.equals(unitPrice) ? null : line.priceOverrideReason, discount(line, currency),
                    line.discountAmount == null ? null : percent(line.discountPercent),
                    line.discountAmount == null ? null : line.discountReason));
        }
        List<TaxBreakdown> taxes = perComponent.values().stream().map(TaxSum::breakdown).toList();
        Money total = cart.pricesIncludeTax ? subtotal : subtotal.plus(taxTotal);

        Money paid = zero;
        Money rounding = zero;
        Money change = zero;
        List<TenderView> tenders = new ArrayList<>();
        for (TenderEntity t : cart.tenders) {
            TenderView view = tenderView(t, currency);
            tenders.add(view);
            if (t.status == TenderStatus.CAPTURED) {
                paid = paid.plus(view.amount());
                rounding = rounding.plus(view.rounding());
                change = change.plus(view.change());
            }
        }
        return new CartView(cart.id, cart.storeId, cart.channel, cart.registerId, cart.status, currency,
                cart.pricesIncludeTax, lines, taxes, rule != null, subtotal, taxTotal, total, rounding, paid,
                total.minus(paid), change, tenders, cart.orderId, cart.createdAt, cart.updatedAt,
                cart.taxExemptionCertificate, shipTo, taxRuleId);
    }

    private static final String MULTIPLE_RATES = "\u0000multiple";

    private static String taxCode(String code) {
        return MULTIPLE_RATES.equals(code) ? null : code;
    }

    /** Unit price times quantity, rounded half-up to the minor unit (weighed goods produce fractions), less the discount. */
    static Money lineTotal(CartLineEntity line, Currency currency) {
        return undiscountedTotal(line, currency).minus(discount(line, currency));
    }

    /** Unit price times quantity, rounded half-up to the minor unit: what a discount is taken off. */
    static Money undiscountedTotal(CartLineEntity line, Currency currency) {
        return Money.of(line.unitPrice, currency).times(line.quantity, RoundingMode.HALF_UP);
    }

    /** The money the line's discount takes off; zero when it has none. */
    static Money discount(CartLineEntity line, Currency currency) {
        return line.discountAmount == null ? Money.zero(currency) : Money.of(line.discountAmount, currency);
    }

    /** The catalog price the line was added at (lines stored before overrides existed were sold at their price). */
    static Money regularUnitPrice(CartLineEntity line, Currency currency) {
        return Money.of(line.regularUnitPrice != null ? line.regularUnitPrice : line.unitPrice, currency);
    }

    /** A percent without trailing zeros and never in exponent notation: 10.00 becomes 10, 12.50 becomes 12.5. */
    static BigDecimal percent(BigDecimal percent) {
        if (percent == null) {
            return null;
        }
        BigDecimal p = percent.stripTrailingZeros();
        return p.scale() < 0 ? p.setScale(0) : p;
    }

    static TenderView tenderView(TenderEntity t, Currency currency) {
        return new TenderView(t.id, t.method, t.status, Money.of(t.amount, currency), Money.of(t.tendered, currency),
                Money.of(t.changeGiven, currency), Money.of(t.rounding, currency), t.reference, t.createdAt,
                t.cardBrand, t.maskedPan, t.authorisationCode, t.message);
    }

    private static final class TaxSum {
        private final TaxComponent component;
        private Money taxable;
        private Money tax;

        TaxSum(TaxComponent component, Money zero) {
            this.component = component;
            this.taxable = zero;
            this.tax = zero;
        }

        void add(LineTax lineTax) {
            taxable = taxable.plus(lineTax.taxableAmount());
            tax = tax.plus(lineTax.tax());
        }

        TaxBreakdown breakdown() {
            return new TaxBreakdown(component.jurisdiction(), component.code(), component.name(),
                    percent(component.rate()), taxable, tax, taxable.plus(tax));
        }
    }
}
