package org.omnitill.tax.canada.internal;

import java.time.LocalDate;
import java.util.Locale;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import org.omnitill.api.error.OmnitillException;

/**
 * The one kind of exemption certificate this rule applies: a provincial PST exemption number, written
 * {@code PST-<province>:<number>} (e.g. {@code PST-BC:PST-1234-5678} for a B.C. PST registration
 * number a reseller quotes). It exempts every taxable line from that province's PST (Manitoba's RST)
 * and from nothing else: the GST/HST is still charged. Everything else, from a First Nations status
 * card to a QST or GST/HST number, is refused, because those reliefs depend on facts this rule does
 * not see (delivery to a reserve, the purchaser's status, a rebate claimed later).
 */
final class ExemptionCertificates {

    private static final Pattern PST_NUMBER = Pattern.compile("PST-([A-Z]{2})\\s*:\\s*(\\S.*)", Pattern.CASE_INSENSITIVE);

    private ExemptionCertificates() {
    }

    /**
     * @param certificate the customer's certificate, or null/blank for none
     * @return whether the sale is exempt from the PST of {@code province}; false when there is no
     *         certificate
     * @throws OmnitillException {@code UNPROCESSABLE tax_exemption_not_supported} for a certificate of
     *         another kind, {@code tax_exemption_not_applicable} for a PST number of another province or
     *         of a province that levies no PST
     */
    static boolean exemptsPst(String certificate, String province, LocalDate date, TaxTable table) {
        if (certificate == null || certificate.isBlank()) {
            return false;
        }
        Matcher matcher = PST_NUMBER.matcher(certificate.trim());
        if (!matcher.matches()) {
            // The certificate itself is not repeated: it may be a status card number.
            throw OmnitillException.unprocessable("tax_exemption_not_supported", "This exemption certificate is not"
                    + " supported by the Canada sales tax rule: only a provincial PST exemption number written as"
                    + " PST-BC:<number>, PST-MB:<number> or PST-SK:<number> is applied; GST/HST, QST and First"
                    + " Nations relief are not");
        }
        String certified = matcher.group(1).toUpperCase(Locale.ROOT);
        if (!certified.equals(province)) {
            throw OmnitillException.unprocessable("tax_exemption_not_applicable", "A PST-" + certified
                    + " exemption number exempts from " + certified + " PST only; this sale is taxed in " + province);
        }
        if (!table.leviesPst(province, date)) {
            throw OmnitillException.unprocessable("tax_exemption_not_applicable",
                    province + " levies no PST on " + date + ", so a PST exemption number exempts from nothing");
        }
        return true;
    }
}
