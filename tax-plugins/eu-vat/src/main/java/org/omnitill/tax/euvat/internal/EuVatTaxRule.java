package org.omnitill.tax.euvat.internal;

import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Collection;
import java.util.Collections;
import java.util.Currency;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Objects;
import java.util.Set;
import java.util.TreeSet;

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
 * VAT of the EU member states in the bundled rate data: the rate in force on the sale date for each
 * line's category, with the tax rounded per document and rate and shared among the lines (see
 * {@link TaxRounding}). Zero-rated and exempt lines carry a 0% component of their own.
 *
 * <p>Which state's VAT applies is decided by {@link PlaceOfSupply}: the store's for sales over the
 * counter, the destination's for distance sales to consumers in another member state (OSS) unless
 * the seller is below the EU-wide threshold and not registered for the OSS, and a 0% export
 * component of the store's state for goods shipped out of the EU. Components name the taxing
 * state as their jurisdiction.
 *
 * <p>A sale with an exemption certificate (a supervisor-approved tax-exempt sale, e.g. to a
 * diplomat or an export tax-free form) carries no VAT: every line gets one 0% component
 * {@code CC-VAT-EXEMPT} of the taxing state named after the certificate.
 */
@Component(service = TaxRule.class, configurationPid = EuVatTaxRule.PID, property = {
        PluginProperties.ID + "=eu-vat",
        PluginProperties.FAMILY + "=" + PluginFamily.TAX,
        PluginProperties.NAME + "=EU VAT" })
@Designate(ocd = EuVatTaxRule.Config.class)
public class EuVatTaxRule implements TaxRule {

    static final String PID = "org.omnitill.tax.euvat";
    static final String ALL = "*";

    private static final Logger LOG = LoggerFactory.getLogger(EuVatTaxRule.class);

    @ObjectClassDefinition(name = "Omnitill EU VAT", description = "VAT of EU member states from dated rate data.")
    @interface Config {

        @AttributeDefinition(name = "Countries",
                description = "ISO 3166-1 alpha-2 codes of the member states this rule taxes, comma-separated "
                        + "(EL is read as GR); * for every country in the rate data.")
        String[] countries() default ALL;

        @AttributeDefinition(name = "Registered for the OSS",
                description = "Whether the seller declares VAT on distance sales to consumers in other member states "
                        + "through the One-Stop Shop (Union scheme). A seller below the threshold who is registered "
                        + "has opted for taxation at the destination.")
        boolean ossRegistered() default true;

        @AttributeDefinition(name = "Distance sales below the EU threshold",
                description = "Whether the seller's distance sales of goods to consumers in other member states (with "
                        + "its cross-border electronic services) stayed below EUR 10,000 in the previous and the current "
                        + "calendar year (Art. 59c VAT Directive). If so and not registered for the OSS, such sales "
                        + "are taxed at the store's rates.")
        boolean distanceSalesBelowThreshold() default false;
    }

    /** A configuration, swapped as a whole so that a calculation never sees half of a change. */
    private record Settings(Set<String> enabled, boolean ossRegistered, boolean belowThreshold) {
    }

    private static final String EXPORT_LABEL = "VAT 0% export (Art. 146)";
    /** The code of the component of a certified exempt sale, after the country: {@code DE-VAT-EXEMPT}. */
    static final String EXEMPT_CODE_SUFFIX = "-VAT-EXEMPT";

    private final RateTable rates;
    /** The 0% export component of each state in the data, by country. */
    private final Map<String, TaxComponent> exportComponents;
    private volatile Settings settings;

    @Activate
    public EuVatTaxRule(Config config) {
        this(RateTable.bundled(), config);
    }

    EuVatTaxRule(RateTable rates, Config config) {
        this.rates = Objects.requireNonNull(rates, "rates");
        Map<String, TaxComponent> exports = new LinkedHashMap<>();
        for (String country : rates.countries()) {
            exports.put(country, new TaxComponent(country, country + "-VAT-EXPORT", EXPORT_LABEL, BigDecimal.ZERO));
        }
        this.exportComponents = Collections.unmodifiableMap(exports);
        this.settings = settings(rates, config);
        LOG.info("EU VAT covers {} (rate data knows {}); OSS registered: {}, distance sales below threshold: {}",
                settings.enabled(), rates.countries(), settings.ossRegistered(), settings.belowThreshold());
    }

    @Modified
    void modified(Config config) {
        this.settings = settings(rates, config);
        LOG.info("EU VAT now covers {}; OSS registered: {}, distance sales below threshold: {}", settings.enabled(),
                settings.ossRegistered(), settings.belowThreshold());
    }

    private static Settings settings(RateTable rates, Config config) {
        return new Settings(enabledCountries(rates, config.countries()), config.ossRegistered(),
                config.distanceSalesBelowThreshold());
    }

    private static Set<String> enabledCountries(RateTable rates, String[] configured) {
        List<String> entries = new ArrayList<>();
        for (String value : configured == null ? new String[0] : configured) {
            if (value != null) {
                Arrays.stream(value.split(",")).map(String::trim).filter(s -> !s.isEmpty()).forEach(entries::add);
            }
        }
        if (entries.contains(ALL)) {
            return Collections.unmodifiableSet(new TreeSet<>(rates.countries()));
        }
        Set<String> countries = new TreeSet<>();
        for (String entry : entries) {
            String country = MemberStates.normalize(entry);
            if (rates.hasCountry(country)) {
                countries.add(country);
            } else {
                LOG.warn("EU VAT has no rate data for configured country '{}'; it knows {}", entry, rates.countries());
            }
        }
        if (countries.isEmpty()) {
            LOG.warn("EU VAT is configured to cover no country ({} = {})", "countries", entries);
        }
        return Collections.unmodifiableSet(countries);
    }

    /**
     * Whether the address is in an enabled member state ({@code EL} is read as {@code GR}). The
     * core asks this of the taxed address; for a distance sale taxed at the store (below the
     * threshold, or a counter sale) or an export, {@link #calculate} also needs the store's state
     * enabled.
     */
    @Override
    public boolean covers(TaxAddress address) {
        String country = address == null ? null : MemberStates.normalize(address.country());
        return country != null && settings.enabled().contains(country);
    }

    @Override
    public TaxCalculation calculate(TaxRequest request) {
        Objects.requireNonNull(request, "request");
        Settings current = settings;
        PlaceOfSupply place = PlaceOfSupply.of(request, current.ossRegistered(), current.belowThreshold());
        String country = place.country();
        if (country == null || !current.enabled().contains(country)) {
            throw OmnitillException.unprocessable("tax_jurisdiction_not_covered",
                    "EU VAT is not enabled for country '" + country + "' (taxing state of this sale: "
                            + place.basis().name().toLowerCase(Locale.ROOT) + "); it covers " + current.enabled());
        }
        if (request.saleDate() == null || request.currency() == null) {
            throw OmnitillException.invalid("tax_request_incomplete", "A VAT calculation needs the sale date and the currency");
        }
        TaxComponent export = place.export() ? exportComponents.get(country) : null;
        Currency currency = request.currency();
        List<TaxableLine> lines = request.lines();
        String certificate = request.exemptionCertificate() == null ? "" : request.exemptionCertificate().strip();

        // Lines grouped by the rate that applies to them, each rate rounded once for the document.
        Map<VatRate, List<Integer>> byRate = new LinkedHashMap<>();
        for (int i = 0; i < lines.size(); i++) {
            TaxableLine line = lines.get(i);
            if (line.amount() == null || !line.amount().currency().equals(currency)) {
                throw OmnitillException.invalid("tax_currency_mismatch", "Line " + line.lineId() + " is in "
                        + (line.amount() == null ? "no currency" : line.amount().currencyCode()) + ", the sale in "
                        + currency.getCurrencyCode());
            }
            String category = line.taxCategory() == null ? null : line.taxCategory().trim().toLowerCase(Locale.ROOT);
            VatRate rate = rates.rateOn(country, category, request.saleDate());
            byRate.computeIfAbsent(rate, r -> new ArrayList<>()).add(i);
        }
        if (!certificate.isEmpty()) {
            // The categories were still checked: a certificate does not make an unknown category sellable.
            return exempt(country, certificate, lines, currency);
        }

        LineTax[] result = new LineTax[lines.size()];
        for (Map.Entry<VatRate, List<Integer>> group : byRate.entrySet()) {
            // An export is 0% whatever the category; the category is still checked against the store's data.
            TaxComponent component = export != null ? export : group.getKey().component();
            List<Integer> indices = group.getValue();
            long[] amounts = new long[indices.size()];
            for (int k = 0; k < amounts.length; k++) {
                amounts[k] = lines.get(indices.get(k)).amount().minorUnits();
            }
            long[] taxes = TaxRounding.allocate(amounts, component.rate(), request.pricesIncludeTax());
            for (int k = 0; k < amounts.length; k++) {
                TaxableLine line = lines.get(indices.get(k));
                Money tax = Money.ofMinor(taxes[k], currency);
                Money net = request.pricesIncludeTax() ? line.amount().minus(tax) : line.amount();
                result[indices.get(k)] = new LineTax(line.lineId(), component, net, tax);
            }
        }
        return new TaxCalculation(Arrays.asList(result));
    }

    /**
     * A sale under an exemption certificate: each line a 0% {@code CC-VAT-EXEMPT} component of the
     * taxing state, named {@code VAT exempt (cert <certificate>)}, its whole amount taxable and no VAT.
     * The certificate is not verified; approving the sale is the core's job.
     */
    private static TaxCalculation exempt(String country, String certificate, List<TaxableLine> lines,
            Currency currency) {
        TaxComponent component = new TaxComponent(country, country + EXEMPT_CODE_SUFFIX,
                "VAT exempt (cert " + certificate + ")", BigDecimal.ZERO);
        Money zero = Money.zero(currency);
        List<LineTax> result = new ArrayList<>(lines.size());
        for (TaxableLine line : lines) {
            result.add(new LineTax(line.lineId(), component, line.amount(), zero));
        }
        return new TaxCalculation(result);
    }

    /** The countries this rule currently covers. */
    Collection<String> coveredCountries() {
        return settings.enabled();
    }
}
