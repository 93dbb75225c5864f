package org.omnitill.payment.giftcard.internal;

import java.util.Arrays;

/**
 * What a ledger movement did. The sign of its amount follows from the kind: issue, top-up,
 * refund-to-card and void add to the balance, redeem takes from it, adjust goes either way.
 */
enum EntryKind {
    /** The account was created with its first value (sold, or store credit given on a return). */
    ISSUE("issue"),
    /** Value added later. */
    TOP_UP("top-up"),
    /** Spent on a payment; the operation id is the payment id. */
    REDEEM("redeem"),
    /** Part or all of a redemption given back; the operation id is the refund id, it refers to the payment id. */
    REFUND_TO_CARD("refund-to-card"),
    /**
     * A redemption reversed before the sale completed; operation id and reference are the payment id.
     * With amount zero and no redemption it is a closing marker: that payment id may no longer redeem.
     */
    VOID("void"),
    /** A correction by staff, with a note saying why. */
    ADJUST("adjust");

    private final String code;

    EntryKind(String code) {
        this.code = code;
    }

    String code() {
        return code;
    }

    static EntryKind ofCode(String code) {
        return Arrays.stream(values()).filter(k -> k.code.equals(code)).findFirst()
                .orElseThrow(() -> new IllegalStateException("unknown ledger entry kind '" + code + "'"));
    }
}
