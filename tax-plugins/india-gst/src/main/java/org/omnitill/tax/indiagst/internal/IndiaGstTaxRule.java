package org.omnitill.tax.indiagst.internal;

import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.Collections;
import java.util.Currency;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Objects;
import java.util.Set;

import org.omnitill.api.error.OmnitillException;
import org.omnitill.api.money.Money;
import org.omnitill.api.plugin.PluginFamily;
import org.omnitill.api.plugin.PluginProperties;
import org.omnitill.api.tax.LineTax;
import org.omnitill.api.tax.TaxAddress;
import org.omnitill.api.tax.TaxCalculation;
import org.omnitill.api.tax.TaxComponent;
import org.omnitill.api.tax.TaxRequest;
import org.omnitill.api.tax.TaxRounding;
import org.omnitill.api.tax.TaxRule;
import org.omnitill.api.tax.TaxableLine;
import org.osgi.service.component.annotations.Activate;
import org.osgi.service.component.annotations.Component;
import org.osgi.service.component.annotations.Modified;
import org.osgi.service.metatype.annotations.AttributeDefinition;
import org.osgi.service.metatype.annotations.Designate;
import org.osgi.service.metatype.annotations.ObjectClassDefinition;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * India's GST on goods. A supply within one State (the store's State is the place of supply) bears
 * CGST and SGST, or UTGST in a union territory without a legislature, each at half the rate; a supply
 * to another State bears IGST at the full rate (sections 7 and 8 of the IGST Act, 2017). The place of
 * supply of goods shipped is where the movement ends, the destination (section 10(1)(a)); of goods
 * handed over at the counter, the store (section 10(1)(d)). The rate comes from the product's HSN code
 * ({@code hsn:8517}) in the dated rate data, or from a generic category.
 *
 * <p>Every component is rounded once per document (to the paisa, half-up) and shared among the lines
 * by {@link TaxRounding}. When prices include tax, the taxable value is backed out of the gross first
 * and each component is computed on it; see README.md.
 */
@Component(service = TaxRule.class, configurationPid = IndiaGstTaxRule.PID, property = {
        PluginProperties.ID + "=india-gst",
        PluginProperties.FAMILY + "=" + PluginFamily.TAX,
        PluginProperties.NAME + "=India GST" })
@Designate(ocd = IndiaGstTaxRule.Config.class)
public class IndiaGstTaxRule implements TaxRule {

    static final String PID = "org.omnitill.tax.indiagst";
    static final String ALL = "*";

    private static final Logger LOG = LoggerFactory.getLogger(IndiaGstTaxRule.class);
    private static final Currency INR = Currency.getInstance("INR");

    @ObjectClassDefinition(name = "Omnitill India GST",
            description = "GST of India: CGST + SGST/UTGST within a State, IGST between States, rates by HSN code.")
    @interface Config {

        @AttributeDefinition(name = "States and union territories",
                description = "Places of supply this rule taxes: ISO 3166-2:IN codes (KA, MH, DL) or GST state codes "
                        + "(29), comma-separated; * for all.")
        String[] states() default ALL;

        @AttributeDefinition(name = "Zero-rate supplies with a certificate",
                description = "Treat a customer's exemption certificate as the LUT of a zero-rated supply to an SEZ "
                        + "unit or developer (IGST 0%). If off, sales with a certificate are refused.")
        boolean zeroRateCertifiedSupplies() default true;
    }

    /** What the configuration enables. */
    private record Settings(Set<GstState> states, boolean allStates, boolean zeroRate) {
    }

    /** How the supply is taxed as a whole. */
    private enum Supply {
        INTRA_STATE, INTER_STATE, ZERO_RATED
    }

    private final HsnRateTable rates;
    private final StateTable stateTable;
    private final GstComponents components;
    private volatile Settings settings;

    @Activate
    public IndiaGstTaxRule(Config config) {
        this(HsnRateTable.bundled(), StateTable.bundled(), config);
    }

    IndiaGstTaxRule(HsnRateTable rates, StateTable stateTable, Config config) {
        this.rates = Objects.requireNonNull(rates, "rates");
        this.stateTable = Objects.requireNonNull(stateTable, "stateTable");
        this.components = new GstComponents(rates.slabs(), stateTable.all());
        this.settings = settings(config);
        LOG.info("India GST covers {}; zero-rating with a certificate {}", describe(settings),
                settings.zeroRate() ? "on" : "off");
    }

    @Modified
    void modified(Config config) {
        this.settings = settings(config);
        LOG.info("India GST now covers {}; zero-rating with a certificate {}", describe(settings),
                settings.zeroRate() ? "on" : "off");
    }

    private Settings settings(Config config) {
        List<String> entries = new ArrayList<>();
        for (String value : config.states() == null ? new String[0] : config.states()) {
            if (value != null) {
                for (String part : value.split(",")) {
                    if (!part.isBlank()) {
                        entries.add(part.trim());
                    }
                }
            }
        }
        if (entries.contains(ALL)) {
            return new Settings(Set.copyOf(stateTable.all()), true, config.zeroRateCertifiedSupplies());
        }
        Set<GstState> enabled = new LinkedHashSet<>();
        for (String entry : entries) {
            GstState state = stateTable.find(entry);
            if (state != null) {
                enabled.add(state);
            } else {
                LOG.warn("India GST does not know the configured State or union territory '{}'", entry);
            }
        }
        if (enabled.isEmpty()) {
            LOG.warn("India GST is configured to cover no State ({} = {})", "states", entries);
        }
        boolean all = enabled.size() == stateTable.all().size();
        return new Settings(Collections.unmodifiableSet(enabled), all, config.zeroRateCertifiedSupplies());
    }

    private static String describe(Settings settings) {
        return settings.allStates() ? "every State and union territory"
                : settings.states().stream().map(GstState::isoCode).sorted().toList().toString();
    }

    @Override
    public boolean covers(TaxAddress address) {
        if (address == null || !GstComponents.COUNTRY.equals(upper(address.country()))) {
            return false;
        }
        Settings current = settings;
        if (address.region() == null || address.region().isBlank()) {
            return current.allStates(); // calculate() then asks for the State
        }
        GstState state = stateTable.find(address.region());
        return state != null && current.states().contains(state);
    }

    @Override
    public TaxCalculation calculate(TaxRequest request) {
        Objects.requireNonNull(request, "request");
        Settings current = settings;
        if (request.saleDate() == null || request.currency() == null) {
            throw OmnitillException.invalid("tax_request_incomplete", "A GST calculation needs the sale date and the currency");
        }
        if (!INR.equals(request.currency())) {
            throw OmnitillException.unprocessable("tax_currency_not_supported",
                    "India GST taxes sales in INR, not " + request.currency().getCurrencyCode());
        }
        GstState placeOfSupply = placeOfSupply(request.taxedAt(), current);
        GstState origin = state(request.origin(), "the store (origin)");
        Supply supply = supply(origin, placeOfSupply, request.exemptionCertificate(), current);

        List<TaxableLine> lines = request.lines();
        int n = lines.size();
        GstSlab[] slabs = new GstSlab[n];
        for (int i = 0; i < n; i++) {
            TaxableLine line = lines.get(i);
            if (line.amount() == null || !INR.equals(line.amount().currency())) {
                throw OmnitillException.invalid("tax_currency_mismatch", "Line " + line.lineId() + " is in "
                        + (line.amount() == null ? "no currency" : line.amount().currencyCode()) + ", the sale in INR");
            }
            slabs[i] = rates.rowFor(CategoryCode.parse(line.taxCategory()), request.saleDate()).slab();
        }

        LineTax[][] perLine = new LineTax[n][];
        TaxComponent zeroRated = supply == Supply.ZERO_RATED
                ? GstComponents.zeroRated(request.exemptionCertificate().trim()) : null;
        List<Integer> taxed = new ArrayList<>(n);
        for (int i = 0; i < n; i++) {
            TaxableLine line = lines.get(i);
            if (zeroRated != null || !slabs[i].taxable()) {
                TaxComponent none = zeroRated != null ? zeroRated
                        : slabs[i].treatment() == GstSlab.Treatment.NIL ? GstComponents.NIL : GstComponents.EXEMPT;
                perLine[i] = new LineTax[] {new LineTax(line.lineId(), none, line.amount(), Money.zero(INR))};
            } else {
                taxed.add(i);
            }
        }
        if (!taxed.isEmpty()) {
            tax(taxed, lines, slabs, supply, placeOfSupply, request.pricesIncludeTax(), perLine);
        }

        List<LineTax> result = new ArrayList<>(n * 2);
        for (LineTax[] taxes : perLine) {
            Collections.addAll(result, taxes);
        }
        return new TaxCalculation(result);
    }

    /**
     * Taxes the taxable lines. A line's taxable value is its amount, or when prices include tax its
     * amount less its share of the tax backed out of the gross of all lines with the same tax load
     * (GST + cess), rounded once. Each component (CGST 9%, SGST 9%, IGST 18%, cess 12%, ...) is then
     * its rate of the taxable value of all lines it applies to, rounded once for the document and
     * shared among them by {@link TaxRounding#allocate}, as the invoice shows one amount per component.
     */
    private void tax(List<Integer> taxed, List<TaxableLine> lines, GstSlab[] slabs, Supply supply, GstState placeOfSupply,
            boolean inclusive, LineTax[][] perLine) {
        long[] taxable = new long[lines.size()];
        for (int i : taxed) {
            taxable[i] = lines.get(i).amount().minorUnits();
        }
        if (inclusive) {
            Map<BigDecimal, List<Integer>> byLoad = new LinkedHashMap<>();
            for (int i : taxed) {
                byLoad.computeIfAbsent(slabs[i].load(), load -> new ArrayList<>()).add(i);
            }
            byLoad.forEach((load, indices) -> {
                long[] contained = TaxRounding.allocate(amounts(taxable, indices), load, true);
                for (int k = 0; k < contained.length; k++) {
                    taxable[indices.get(k)] -= contained[k];
                }
            });
        }

        TaxComponent[][] partsOf = new TaxComponent[lines.size()][];
        Map<TaxComponent, List<Integer>> byComponent = new LinkedHashMap<>();
        for (int i : taxed) {
            partsOf[i] = componentsOf(slabs[i], supply, placeOfSupply);
            perLine[i] = new LineTax[partsOf[i].length];
            for (TaxComponent part : partsOf[i]) {
                byComponent.computeIfAbsent(part, c -> new ArrayList<>()).add(i);
            }
        }
        byComponent.forEach((component, indices) -> {
            long[] taxes = TaxRounding.allocate(amounts(taxable, indices), component.rate(), false);
            for (int k = 0; k < taxes.length; k++) {
                int i = indices.get(k);
                int slot = 0;
                while (!partsOf[i][slot].equals(component)) {
                    slot++;
                }
                perLine[i][slot] = new LineTax(lines.get(i).lineId(), component, Money.ofMinor(taxable[i], INR),
                        Money.ofMinor(taxes[k], INR));
            }
        });
    }

    private static long[] amounts(long[] values, List<Integer> indices) {
        long[] selected = new long[indices.size()];
        for (int k = 0; k < selected.length; k++) {
            selected[k] = values[indices.get(k)];
        }
        return selected;
    }

    private TaxComponent[] componentsOf(GstSlab slab, Supply supply, GstState placeOfSupply) {
        boolean cess = slab.cess().signum() > 0;
        TaxComponent[] parts;
        if (supply == Supply.INTRA_STATE) {
            parts = new TaxComponent[cess ? 3 : 2];
            parts[0] = components.cgst(slab.rate());
            parts[1] = components.local(placeOfSupply, slab.rate());
        } else {
            parts = new TaxComponent[cess ? 2 : 1];
            parts[0] = components.igst(slab.rate());
        }
        if (cess) {
            parts[parts.length - 1] = components.cess(slab.cess());
        }
        return parts;
    }

    private GstState placeOfSupply(TaxAddress address, Settings current) {
        if (address == null || !GstComponents.COUNTRY.equals(upper(address.country()))) {
            throw OmnitillException.unprocessable("tax_jurisdiction_not_covered", "India GST taxes supplies whose place "
                    + "of supply is in India, not in '" + (address == null ? null : address.country()) + "'");
        }
        GstState state = state(address, "the place of supply");
        if (!current.states().contains(state)) {
            throw OmnitillException.unprocessable("tax_jurisdiction_not_covered", "India GST is not enabled for "
                    + state.label() + "; it covers " + describe(current));
        }
        return state;
    }

    private GstState state(TaxAddress address, String role) {
        if (address == null || !GstComponents.COUNTRY.equals(upper(address.country()))) {
            throw OmnitillException.unprocessable("tax_jurisdiction_not_covered", "India GST needs " + role
                    + " to be in India, not in '" + (address == null ? null : address.country()) + "'");
        }
        if (address.region() == null || address.region().isBlank()) {
            throw OmnitillException.unprocessable("tax_address_incomplete", "India GST needs the State or union "
                    + "territory of " + role + " as its region (e.g. KA or 29)");
        }
        GstState state = stateTable.find(address.region());
        if (state == null) {
            throw OmnitillException.unprocessable("tax_jurisdiction_unknown", "'" + address.region() + "' ("
                    + role + ") is not an Indian State or union territory code (ISO 3166-2:IN such as KA, or GST code such as 29)");
        }
        return state;
    }

    private static Supply supply(GstState origin, GstState placeOfSupply, String certificate, Settings current) {
        if (certificate != null && !certificate.isBlank()) {
            if (!current.zeroRate()) {
                throw OmnitillException.unprocessable("tax_exemption_not_supported", "India GST is configured not to "
                        + "zero-rate supplies on a certificate (zeroRateCertifiedSupplies = false); sell without it");
            }
            return Supply.ZERO_RATED;
        }
        return origin.equals(placeOfSupply) ? Supply.INTRA_STATE : Supply.INTER_STATE;
    }

    /** For tests: the States this rule covers. */
    Set<GstState> coveredStates() {
        return settings.states();
    }

    private static String upper(String code) {
        return code == null ? null : code.trim().toUpperCase(Locale.ROOT);
    }
}
