package org.omnitill.tax.ussalestax.internal;

import java.math.BigDecimal;
import java.time.LocalDate;
import java.util.ArrayList;
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
 * US sales tax at the taxed address (the store, or the ship-to address of a shipped order): the
 * state's rate and the county, city and district rates found by ZIP code and city, each its own
 * component, with the category exemptions and special rates of the bundled taxability data. Prices
 * exclude tax; the document's tax is rounded once at the combined rates (see
 * {@link DocumentRounding}). A line exempt everywhere, or in a state without sales tax, gets no
 * line tax; a customer with an exemption certificate gets a 0% line tax per line naming it.
 */
@Component(service = TaxRule.class, configurationPid = UsSalesTaxRule.PID, property = {
        PluginProperties.ID + "=us-sales-tax",
        PluginProperties.FAMILY + "=" + PluginFamily.TAX,
        PluginProperties.NAME + "=US sales tax" })
@Designate(ocd = UsSalesTaxRule.Config.class)
public class UsSalesTaxRule implements TaxRule {

    static final String PID = "org.omnitill.tax.ussalestax";
    static final String ALL = "*";

    private static final Logger LOG = LoggerFactory.getLogger(UsSalesTaxRule.class);
    private static final Currency USD = Currency.getInstance("USD");

    @ObjectClassDefinition(name = "Omnitill US sales tax",
            description = "US state and local sales tax from dated jurisdiction, ZIP code and taxability data.")
    @interface Config {

        @AttributeDefinition(name = "States",
                description = "Two-letter codes of the states this rule taxes, comma-separated; "
                        + "* for every state in the data.")
        String[] states() default ALL;
    }

    private final SalesTaxData data;
    private volatile Set<String> enabled;

    @Activate
    public UsSalesTaxRule(Config config) {
        this(SalesTaxData.bundled(), config);
    }

    UsSalesTaxRule(SalesTaxData data, Config config) {
        this.data = Objects.requireNonNull(data, "data");
        this.enabled = enabledStates(data, config.states());
        LOG.info("US sales tax covers {} (the data knows {})", enabled, data.states());
    }

    @Modified
    void modified(Config config) {
        this.enabled = enabledStates(data, config.states());
        LOG.info("US sales tax now covers {}", enabled);
    }

    private static Set<String> enabledStates(SalesTaxData data, String[] configured) {
        Set<String> entries = new TreeSet<>();
        for (String value : configured == null ? new String[0] : configured) {
            for (String entry : value == null ? new String[0] : value.split(",")) {
                if (!entry.isBlank()) {
                    entries.add(entry.trim());
                }
            }
        }
        Set<String> states = new TreeSet<>();
        for (String entry : entries) {
            String state = state(entry);
            if (ALL.equals(entry)) {
                states.addAll(data.states());
            } else if (data.state(state) != null) {
                states.add(state);
            } else {
                LOG.warn("US sales tax has no data for configured state '{}'; it knows {}", entry, data.states());
            }
        }
        if (states.isEmpty()) {
            LOG.warn("US sales tax is configured to cover no state (states = {})", entries);
        }
        return Collections.unmodifiableSet(states);
    }

    @Override
    public boolean covers(TaxAddress address) {
        return coveredState(address) != null;
    }

    /** The address's state if this rule covers it, else null. */
    private String coveredState(TaxAddress address) {
        if (address == null || address.country() == null || !"US".equalsIgnoreCase(address.country().trim())) {
            return null;
        }
        String state = state(address.region());
        return state != null && enabled.contains(state) ? state : null;
    }

    @Override
    public TaxCalculation calculate(TaxRequest request) {
        Objects.requireNonNull(request, "request");
        TaxAddress taxedAt = request.taxedAt();
        String stateCode = coveredState(taxedAt);
        if (stateCode == null) {
            throw OmnitillException.unprocessable("tax_jurisdiction_not_covered", "US sales tax is not enabled for "
                    + (taxedAt == null ? "a sale without address" : taxedAt.country() + " " + taxedAt.region())
                    + "; it covers the states " + enabled);
        }
        if (request.pricesIncludeTax()) {
            throw OmnitillException.unprocessable("tax_inclusive_prices_unsupported", "US prices exclude sales tax; "
                    + "the store's prices must be configured as net (pricesIncludeTax = false)");
        }
        if (request.saleDate() == null || request.currency() == null) {
            throw OmnitillException.invalid("tax_request_incomplete", "A sales tax calculation needs the sale date and the currency");
        }
        if (!USD.equals(request.currency())) {
            throw OmnitillException.invalid("tax_currency_mismatch",
                    "US sales tax is charged on USD amounts; the sale is in " + request.currency().getCurrencyCode());
        }
        List<TaxableLine> lines = request.lines();
        for (TaxableLine line : lines) {
            if (line.amount() == null || !USD.equals(line.amount().currency())) {
                throw OmnitillException.invalid("tax_currency_mismatch", "Line " + line.lineId() + " is in "
                        + (line.amount() == null ? "no currency" : line.amount().currencyCode()) + ", the sale in USD");
            }
        }
        SalesTaxData.State state = data.state(stateCode);
        String certificate = request.exemptionCertificate();
        if (certificate != null && !certificate.isBlank()) {
            return exempt(state, lines, certificate.trim());
        }
        return taxed(state, state.directory().jurisdictionsAt(taxedAt), request.saleDate(), lines);
    }

    /** Every line exempt, with a 0% component that names the certificate. */
    private static TaxCalculation exempt(SalesTaxData.State state, List<TaxableLine> lines, String certificate) {
        TaxComponent component = new TaxComponent(state.jurisdiction().code(),
                state.jurisdiction().code() + "-EXEMPT-CERTIFICATE", "Exempt (cert " + certificate + ")", BigDecimal.ZERO);
        List<LineTax> taxes = new ArrayList<>(lines.size());
        for (TaxableLine line : lines) {
            taxes.add(new LineTax(line.lineId(), component, line.amount(), Money.zero(USD)));
        }
        return new TaxCalculation(taxes);
    }

    private static TaxCalculation taxed(SalesTaxData.State state, List<Jurisdiction> jurisdictions, LocalDate date,
            List<TaxableLine> lines) {
        CategoryRules[] categories = new CategoryRules[lines.size()];
        for (int i = 0; i < categories.length; i++) {
            String category = lines.get(i).taxCategory();
            categories[i] = state.category(category == null ? null : category.trim().toLowerCase(Locale.ROOT));
        }

        // The lines each component taxes, components in receipt order (jurisdiction, then rate).
        Map<TaxComponent, List<Integer>> byComponent = new LinkedHashMap<>();
        for (Jurisdiction jurisdiction : jurisdictions) {
            JurisdictionRate rate = jurisdiction.rateOn(date);
            if (!rate.levied()) {
                continue;
            }
            for (int i = 0; i < categories.length; i++) {
                Treatment treatment = categories[i].treatment(jurisdiction.code(), jurisdiction.level(), date);
                TaxComponent component = switch (treatment.kind()) {
                    case TAXABLE -> rate.component();
                    case RATE -> rate.component(categories[i].category(), treatment.percent());
                    case EXEMPT -> null;
                    case UNSUPPORTED -> throw OmnitillException.unprocessable("tax_category_unsupported", "Tax category '"
                            + categories[i].category() + "' cannot be taxed in " + state.code() + " by line totals "
                            + "(its tax depends on the price of each item); see the plugin's README");
                };
                if (component != null) {
                    byComponent.computeIfAbsent(component, c -> new ArrayList<>()).add(i);
                }
            }
        }
        if (byComponent.isEmpty()) {
            return new TaxCalculation(List.of());
        }

        TaxComponent[] components = byComponent.keySet().toArray(new TaxComponent[0]);
        long[][] amounts = new long[components.length][];
        BigDecimal[] percents = new BigDecimal[components.length];
        for (int c = 0; c < components.length; c++) {
            List<Integer> taxed = byComponent.get(components[c]);
            amounts[c] = new long[taxed.size()];
            for (int k = 0; k < amounts[c].length; k++) {
                amounts[c][k] = lines.get(taxed.get(k)).amount().minorUnits();
            }
            percents[c] = components[c].rate();
        }
        long[][] taxes = DocumentRounding.taxes(amounts, percents);

        // Line by line, each line's components in receipt order.
        @SuppressWarnings("unchecked")
        List<LineTax>[] perLine = new List[lines.size()];
        for (int c = 0; c < components.length; c++) {
            List<Integer> taxed = byComponent.get(components[c]);
            for (int k = 0; k < taxed.size(); k++) {
                int i = taxed.get(k);
                TaxableLine line = lines.get(i);
                if (perLine[i] == null) {
                    perLine[i] = new ArrayList<>(jurisdictions.size());
                }
                perLine[i].add(new LineTax(line.lineId(), components[c], line.amount(), Money.ofMinor(taxes[c][k], USD)));
            }
        }
        List<LineTax> result = new ArrayList<>();
        for (List<LineTax> lineTaxes : perLine) {
            if (lineTaxes != null) {
                result.addAll(lineTaxes);
            }
        }
        return new TaxCalculation(result);
    }

    /** The states this rule currently covers. */
    Collection<String> coveredStates() {
        return enabled;
    }

    /** {@code WA}, {@code wa}, {@code US-WA} -> {@code WA}; null if blank. */
    private static String state(String region) {
        if (region == null || region.isBlank()) {
            return null;
        }
        String state = region.trim().toUpperCase(Locale.ROOT);
        return state.startsWith("US-") ? state.substring(3) : state;
    }
}
