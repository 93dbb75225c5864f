package org.omnitill.payment.giftcard.internal;

/**
 * What a ledger operation did.
 *
 * @param account the account after the movement (as it stands now, for a replay)
 * @param entry the movement
 * @param replayed true when the operation id had been carried out before and nothing moved this time
 */
record Movement(Account account, LedgerEntry entry, boolean replayed) {
}
