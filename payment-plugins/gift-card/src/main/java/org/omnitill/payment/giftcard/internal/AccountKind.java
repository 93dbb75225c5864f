package org.omnitill.payment.giftcard.internal;

import java.util.Arrays;
import java.util.Locale;

import org.omnitill.api.error.OmnitillException;

/** What an account is: a gift card sold to a customer, or store credit issued to one on a return. */
enum AccountKind {
    GIFT_CARD("gift-card", "Gift card", ""),
    STORE_CREDIT("store-credit", "Store credit", "SC-");

    private final String code;
    private final String label;
    private final String numberPrefix;

    AccountKind(String code, String label, String numberPrefix) {
        this.code = code;
        this.label = label;
        this.numberPrefix = numberPrefix;
    }

    /** As stored and as clients write it, e.g. {@code store-credit}; also the payment plugin's id. */
    String code() {
        return code;
    }

    /** For messages to the cashier. */
    String label() {
        return label;
    }

    /** What the account numbers of this kind start with; empty for gift cards. */
    String numberPrefix() {
        return numberPrefix;
    }

    static AccountKind ofCode(String code) {
        String wanted = code == null ? "" : code.strip().toLowerCase(Locale.ROOT);
        return Arrays.stream(values()).filter(k -> k.code.equals(wanted)).findFirst()
                .orElseThrow(() -> OmnitillException.invalid("invalid_kind",
                        "kind must be gift-card or store-credit, not '" + code + "'"));
    }

    /** The kind an account number belongs to, from its prefix. */
    static AccountKind ofNumber(String number) {
        return number.startsWith(STORE_CREDIT.numberPrefix) ? STORE_CREDIT : GIFT_CARD;
    }
}
