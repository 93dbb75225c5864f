package org.omnitill.tax.euvat.internal;

import java.util.Locale;

import org.omnitill.api.tax.TaxAddress;
import org.omnitill.api.tax.TaxRequest;

/**
 * The state whose VAT applies to a sale, and why, under the place-of-supply rules for goods this
 * plugin models (Directive 2006/112/EC as amended by Directive (EU) 2017/2455, in force since
 * 1 July 2021):
 *
 * <ul>
 * <li>{@link Basis#STORE}: no destination, or a sale over the counter (channel {@code register}),
 * even if a ship-to address is given: taxed where the store is (Art. 31).</li>
 * <li>{@link Basis#DELIVERY}: delivered within one state, or to an address without a country:
 * taxed at the destination (a missing country is then not covered).</li>
 * <li>{@link Basis#DISTANCE_SALE}: an intra-Community distance sale of goods to a consumer in
 * another member state (Art. 14(4)(1), Art. 33(a)): taxed at the destination, declared through
 * the OSS (Art. 369a ff.).</li>
 * <li>{@link Basis#DISTANCE_SALE_BELOW_THRESHOLD}: the same sale by a seller whose cross-border
 * B2C sales stay below EUR 10,000 a year and who has not opted for destination taxation, which
 * here means is not registered for the OSS (Art. 59c): taxed where the goods leave, the store.</li>
 * <li>{@link Basis#IMPORT}: goods from a store outside the EU to a consumer in the EU: taxed at
 * the destination, as import VAT (or IOSS VAT) would be; customs are not modelled.</li>
 * <li>{@link Basis#EXPORT}: goods shipped from a member state to an address outside the EU:
 * exempt with the right to deduct in the state they leave (Art. 146(1)(a)), a 0% component.</li>
 * </ul>
 *
 * @param country the normalized ISO code of the taxing state, null when the request names none
 */
record PlaceOfSupply(String country, Basis basis) {

    /** The channel id of sales over the counter. */
    static final String COUNTER_CHANNEL = "register";

    enum Basis {
        STORE, DELIVERY, DISTANCE_SALE, DISTANCE_SALE_BELOW_THRESHOLD, IMPORT, EXPORT
    }

    boolean export() {
        return basis == Basis.EXPORT;
    }

    /**
     * @param ossRegistered whether the seller declares distance sales through the OSS
     * @param belowThreshold whether the seller's distance sales stay below the EU-wide threshold
     */
    static PlaceOfSupply of(TaxRequest request, boolean ossRegistered, boolean belowThreshold) {
        String origin = countryOf(request.origin());
        TaxAddress shipTo = request.destination();
        if (shipTo == null || (origin != null && isCounterSale(request.channel()))) {
            return new PlaceOfSupply(origin, Basis.STORE);
        }
        String destination = countryOf(shipTo);
        if (destination == null || destination.equals(origin)) {
            return new PlaceOfSupply(destination, Basis.DELIVERY);
        }
        boolean fromTheEu = MemberStates.isMember(origin);
        if (!MemberStates.isMember(destination)) {
            return fromTheEu ? new PlaceOfSupply(origin, Basis.EXPORT) : new PlaceOfSupply(destination, Basis.DELIVERY);
        }
        if (!fromTheEu) {
            return new PlaceOfSupply(destination, Basis.IMPORT);
        }
        if (belowThreshold && !ossRegistered) {
            return new PlaceOfSupply(origin, Basis.DISTANCE_SALE_BELOW_THRESHOLD);
        }
        return new PlaceOfSupply(destination, Basis.DISTANCE_SALE);
    }

    private static String countryOf(TaxAddress address) {
        return address == null ? null : MemberStates.normalize(address.country());
    }

    private static boolean isCounterSale(String channel) {
        return channel != null && COUNTER_CHANNEL.equals(channel.trim().toLowerCase(Locale.ROOT));
    }
}
