package org.omnitill.tax.canada.internal;

import java.util.ArrayList;
import java.util.Arrays;
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
 * Canadian sales taxes at the province of supply (the taxed address: the destination of a shipped
 * order): the GST, or the HST where it replaces it, and the province's PST (Manitoba's RST) or QST.
 * Every tax is computed on the net price and is its own component; each component is rounded half-up
 * once per document and shared among the lines (see {@link TaxRounding}). Lines that are zero-rated
 * or exempt carry a 0% component saying so.
 */
@Component(service = TaxRule.class, configurationPid = CanadaSalesTaxRule.PID, property = {
        PluginProperties.ID + "=canada-sales-tax",
        PluginProperties.FAMILY + "=" + PluginFamily.TAX,
        PluginProperties.NAME + "=Canada GST/HST/PST/QST" })
@Designate(ocd = CanadaSalesTaxRule.Config.class)
public class CanadaSalesTaxRule implements TaxRule {

    static final String PID = "org.omnitill.tax.canada";
    static final String ALL = "*";

    private static final Logger LOG = LoggerFactory.getLogger(CanadaSalesTaxRule.class);

    @ObjectClassDefinition(name = "Omnitill Canada GST/HST/PST/QST",
            description = "GST/HST and provincial sales taxes (PST, RST, QST) from dated data.")
    @interface Config {

        @AttributeDefinition(name = "Provinces",
                description = "Province and territory codes (ON, QC, BC, ...) this rule taxes, comma-separated; "
                        + "* for all thirteen.")
        String[] provinces() default ALL;

        @AttributeDefinition(name = "Provincial tax on shipments to",
                description = "Provinces whose PST or QST is charged on orders shipped there from a store in "
                        + "another province (where the store is registered to collect it), comma-separated; "
                        + "* for all, empty for none. The GST/HST of the destination is always charged.")
        String[] provincialTaxOnShipmentsTo() default ALL;
    }

    /** The configuration in effect, replaced as a whole on modification. */
    private record Settings(Set<String> provinces, Set<String> shippedProvincialTax) {
    }

    /** A line's share of one component: the line and the position of the tax among its taxes. */
    private record Share(int line, int slot) {
    }

    private final TaxTable table;
    private volatile Settings settings;

    @Activate
    public CanadaSalesTaxRule(Config config) {
        this(TaxTable.bundled(), config);
    }

    CanadaSalesTaxRule(TaxTable table, Config config) {
        this.table = Objects.requireNonNull(table, "table");
        this.settings = settings(config);
        LOG.info("Canada sales tax covers {}; provincial tax on shipments to {} (data from {})",
                settings.provinces(), settings.shippedProvincialTax(), table.firstDate());
    }

    @Modified
    void modified(Config config) {
        this.settings = settings(config);
        LOG.info("Canada sales tax now covers {}; provincial tax on shipments to {}", settings.provinces(),
                settings.shippedProvincialTax());
    }

    private static Settings settings(Config config) {
        return new Settings(provinceSet("provinces", config.provinces()),
                provinceSet("provincialTaxOnShipmentsTo", config.provincialTaxOnShipmentsTo()));
    }

    private static Set<String> provinceSet(String key, String[] configured) {
        Set<String> result = new TreeSet<>();
        for (String value : configured == null ? new String[0] : configured) {
            for (String entry : value == null ? new String[0] : value.split(",")) {
                String trimmed = entry.trim();
                if (trimmed.equals(ALL)) {
                    result.addAll(Provinces.ALL);
                } else if (!trimmed.isEmpty()) {
                    String province = Provinces.normalize(trimmed);
                    if (province == null) {
                        LOG.warn("Canada sales tax: '{}' in {} is not a province or territory code; known are {}",
                                trimmed, key, new TreeSet<>(Provinces.ALL));
                    } else {
                        result.add(province);
                    }
                }
            }
        }
        return Collections.unmodifiableSet(result);
    }

    @Override
    public boolean covers(TaxAddress address) {
        return province(address) != null;
    }

    /** The covered province of an address, or null. */
    private String province(TaxAddress address) {
        if (address == null || !Provinces.isCanada(address.country())) {
            return null;
        }
        String province = Provinces.normalize(address.region());
        return province != null && settings.provinces().contains(province) ? province : null;
    }

    @Override
    public TaxCalculation calculate(TaxRequest request) {
        Objects.requireNonNull(request, "request");
        Settings current = settings;
        TaxAddress taxedAt = request.taxedAt();
        String province = province(taxedAt);
        if (province == null) {
            throw OmnitillException.unprocessable("tax_jurisdiction_not_covered", "Canada sales tax does not cover "
                    + (taxedAt == null ? "a missing address" : "country '" + taxedAt.country() + "', region '"
                            + taxedAt.region() + "'")
                    + "; it needs country CA and one of the provinces " + current.provinces());
        }
        if (request.pricesIncludeTax()) {
            throw OmnitillException.unprocessable("tax_inclusive_prices_not_supported", "Canadian shelf prices exclude"
                    + " sales tax: the Canada sales tax rule taxes net prices only, configure the store with prices"
                    + " that do not include tax");
        }
        if (request.saleDate() == null || request.currency() == null) {
            throw OmnitillException.invalid("tax_request_incomplete",
                    "A Canadian sales tax calculation needs the sale date and the currency");
        }
        boolean provincialTaxes = !shippedFromAnotherProvince(request, province)
                || current.shippedProvincialTax().contains(province);
        boolean pstExempt = ExemptionCertificates.exemptsPst(request.exemptionCertificate(), province,
                request.saleDate(), table);

        Currency currency = request.currency();
        List<TaxableLine> lines = request.lines();
        // Each component is rounded once for the document, over the lines that bear it.
        Map<TaxComponent, List<Share>> byComponent = new LinkedHashMap<>();
        int[] taxCount = new int[lines.size()];
        for (int i = 0; i < lines.size(); i++) {
            TaxableLine line = lines.get(i);
            requireCurrency(line, currency);
            for (Levy levy : table.taxes(province, categoryOf(line), request.saleDate())) {
                if (levy.tax().isProvincial() && !provincialTaxes) {
                    continue;
                }
                TaxComponent component = pstExempt && levy.certificateExempt() != null ? levy.certificateExempt()
                        : levy.component();
                byComponent.computeIfAbsent(component, c -> new ArrayList<>()).add(new Share(i, taxCount[i]++));
            }
        }

        LineTax[][] perLine = new LineTax[lines.size()][];
        for (int i = 0; i < perLine.length; i++) {
            perLine[i] = new LineTax[taxCount[i]];
        }
        for (Map.Entry<TaxComponent, List<Share>> group : byComponent.entrySet()) {
            TaxComponent component = group.getKey();
            List<Share> shares = group.getValue();
            long[] nets = new long[shares.size()];
            for (int k = 0; k < nets.length; k++) {
                nets[k] = lines.get(shares.get(k).line()).amount().minorUnits();
            }
            long[] taxes = component.rate().signum() == 0 ? new long[nets.length]
                    : TaxRounding.allocate(nets, component.rate(), false);
            for (int k = 0; k < nets.length; k++) {
                Share share = shares.get(k);
                TaxableLine line = lines.get(share.line());
                perLine[share.line()][share.slot()] = new LineTax(line.lineId(), component, line.amount(),
                        Money.ofMinor(taxes[k], currency));
            }
        }
        List<LineTax> result = new ArrayList<>();
        for (LineTax[] taxes : perLine) {
            result.addAll(Arrays.asList(taxes));
        }
        return new TaxCalculation(result);
    }

    private static void requireCurrency(TaxableLine line, Currency currency) {
        Money amount = line.amount();
        if (amount == null || !amount.currency().equals(currency)) {
            throw OmnitillException.invalid("tax_currency_mismatch", "Line " + line.lineId() + " has the amount "
                    + amount + ", not an amount in the sale's currency " + currency.getCurrencyCode());
        }
    }

    /** The line's category code, trimmed and in lower case; null if it has none. */
    private static String categoryOf(TaxableLine line) {
        String category = line.taxCategory();
        return category == null ? null : category.strip().toLowerCase(Locale.ROOT);
    }

    /** A shipped order whose goods leave a store in another province (or a store of unknown province). */
    private static boolean shippedFromAnotherProvince(TaxRequest request, String province) {
        if (request.destination() == null) {
            return false;
        }
        TaxAddress origin = request.origin();
        return origin == null || !Provinces.isCanada(origin.country())
                || !province.equals(Provinces.normalize(origin.region()));
    }

    /** The provinces this rule currently covers. */
    Set<String> coveredProvinces() {
        return settings.provinces();
    }
}
