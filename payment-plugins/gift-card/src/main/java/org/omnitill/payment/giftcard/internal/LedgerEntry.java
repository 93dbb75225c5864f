package org.omnitill.payment.giftcard.internal;

import java.time.Instant;

import org.omnitill.api.money.Money;

/**
 * One movement of the append-only ledger.
 *
 * @param id unique id of the movement, the payment reference the plugin hands back
 * @param accountNumber the account moved
 * @param sequence 1, 2, … per account, in the order the movements were made
 * @param amount signed: positive adds to the balance
 * @param balanceAfter the account's balance right after this movement
 * @param operationId the payment id, refund id or idempotency key that caused it; unique per account and kind
 * @param refersTo for refunds and voids, the payment id of the redemption they give back; else null
 * @param note why (adjustments), else null
 * @param createdBy the user, or {@code register/…} or {@code store/…} for payments taken at a till
 */
record LedgerEntry(String id, String accountNumber, long sequence, EntryKind kind, Money amount, Money balanceAfter,
        String operationId, String refersTo, String note, Instant created, String createdBy) {

    /**
     * A void without a redemption or a refund of nothing: written when the outcome of a payment or
     * refund was asked for and none had happened, so that the id can never move money afterwards.
     */
    boolean isClosingMarker() {
        return amount.isZero() && (kind == EntryKind.VOID || kind == EntryKind.REFUND_TO_CARD);
    }

    @Override
    public String toString() {
        return "LedgerEntry[" + id + ", " + CardNumbers.mask(accountNumber) + " #" + sequence + ", " + kind.code()
                + " " + amount + ", balance " + balanceAfter + "]";
    }
}
