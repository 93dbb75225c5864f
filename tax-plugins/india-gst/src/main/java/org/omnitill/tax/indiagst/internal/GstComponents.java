package org.omnitill.tax.indiagst.internal;

import java.math.BigDecimal;
import java.util.Collection;
import java.util.HashMap;
import java.util.Map;

import org.omnitill.api.tax.TaxComponent;

/**
 * The tax components an Indian invoice shows, built once for every slab of the rate data and every
 * State: {@code CGST 9%} (jurisdiction {@code IN}, code {@code IN-CGST-9}), {@code SGST 9% (29
 * Karnataka)} ({@code IN-KA}, {@code IN-KA-SGST-9}), {@code UTGST 9% (04 Chandigarh)} ({@code IN-CH},
 * {@code IN-CH-UTGST-9}), {@code IGST 18%} ({@code IN}, {@code IN-IGST-18}), {@code Compensation cess
 * 12%} ({@code IN}, {@code IN-CESS-12}), and the untaxed ones.
 */
final class GstComponents {

    static final String COUNTRY = "IN";
    static final TaxComponent EXEMPT = new TaxComponent(COUNTRY, "IN-GST-EXEMPT", "GST exempt", BigDecimal.ZERO);
    static final TaxComponent NIL = new TaxComponent(COUNTRY, "IN-GST-NIL", "GST nil-rated", BigDecimal.ZERO);
    static final String ZERO_RATED_CODE = "IN-IGST-ZERO-RATED";

    private static final BigDecimal TWO = BigDecimal.valueOf(2);

    /** keyed by the slab's full GST rate */
    private final Map<BigDecimal, TaxComponent> central = new HashMap<>();
    private final Map<BigDecimal, TaxComponent> integrated = new HashMap<>();
    private final Map<BigDecimal, TaxComponent> cess = new HashMap<>();
    /** keyed by the slab's full GST rate, per State */
    private final Map<GstState, Map<BigDecimal, TaxComponent>> local = new HashMap<>();

    GstComponents(Collection<GstSlab> slabs, Collection<GstState> states) {
        for (GstSlab slab : slabs) {
            if (!slab.taxable()) {
                continue;
            }
            BigDecimal rate = slab.rate();
            central.put(rate, createCentral(rate));
            integrated.put(rate, createIntegrated(rate));
            for (GstState state : states) {
                local.computeIfAbsent(state, s -> new HashMap<>()).put(rate, createLocal(state, rate));
            }
            if (slab.cess().signum() > 0) {
                cess.put(slab.cess(), createCess(slab.cess()));
            }
        }
    }

    /** CGST at half the slab's rate. */
    TaxComponent cgst(BigDecimal slabRate) {
        TaxComponent component = central.get(slabRate);
        return component != null ? component : createCentral(slabRate);
    }

    /** SGST or UTGST of the State at half the slab's rate. */
    TaxComponent local(GstState state, BigDecimal slabRate) {
        Map<BigDecimal, TaxComponent> ofState = local.get(state);
        TaxComponent component = ofState == null ? null : ofState.get(slabRate);
        return component != null ? component : createLocal(state, slabRate);
    }

    /** IGST at the slab's rate. */
    TaxComponent igst(BigDecimal slabRate) {
        TaxComponent component = integrated.get(slabRate);
        return component != null ? component : createIntegrated(slabRate);
    }

    /** Compensation cess at its rate. */
    TaxComponent cess(BigDecimal cessRate) {
        TaxComponent component = cess.get(cessRate);
        return component != null ? component : createCess(cessRate);
    }

    /** IGST at 0% on a zero-rated supply, naming the certificate it rests on. */
    static TaxComponent zeroRated(String certificate) {
        return new TaxComponent(COUNTRY, ZERO_RATED_CODE, "IGST 0% zero-rated (LUT " + certificate + ")", BigDecimal.ZERO);
    }

    private static TaxComponent createCentral(BigDecimal slabRate) {
        BigDecimal half = half(slabRate);
        return new TaxComponent(COUNTRY, COUNTRY + "-CGST-" + text(half), "CGST " + text(half) + "%", half);
    }

    private static TaxComponent createLocal(GstState state, BigDecimal slabRate) {
        BigDecimal half = half(slabRate);
        String tax = state.localTax().name();
        return new TaxComponent(state.jurisdiction(), state.jurisdiction() + "-" + tax + "-" + text(half),
                tax + " " + text(half) + "% (" + state.label() + ")", half);
    }

    private static TaxComponent createIntegrated(BigDecimal slabRate) {
        BigDecimal rate = GstSlab.normalized(slabRate);
        return new TaxComponent(COUNTRY, COUNTRY + "-IGST-" + text(rate), "IGST " + text(rate) + "%", rate);
    }

    private static TaxComponent createCess(BigDecimal cessRate) {
        BigDecimal rate = GstSlab.normalized(cessRate);
        return new TaxComponent(COUNTRY, COUNTRY + "-CESS-" + text(rate), "Compensation cess " + text(rate) + "%", rate);
    }

    private static BigDecimal half(BigDecimal rate) {
        return GstSlab.normalized(rate.divide(TWO)); // exact: halving a decimal always terminates
    }

    private static String text(BigDecimal percent) {
        return percent.toPlainString();
    }
}
