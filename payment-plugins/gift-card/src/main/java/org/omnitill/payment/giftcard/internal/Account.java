package org.omnitill.payment.giftcard.internal;

import java.time.Instant;

import org.omnitill.api.money.Money;

/**
 * A gift card or store credit account as it stands. {@link #toString()} masks the number, so an account
 * that ends up in a log message does not hand out spendable value.
 */
record Account(String number, AccountKind kind, Money balance, AccountStatus status, Instant created,
        String createdBy) {

    Account withBalance(Money newBalance) {
        return new Account(number, kind, newBalance, status, created, createdBy);
    }

    boolean isActive() {
        return status == AccountStatus.ACTIVE;
    }

    /** E.g. {@code Gift card …4242}: for messages and logs. */
    String describe() {
        return kind.label() + " " + CardNumbers.mask(number);
    }

    @Override
    public String toString() {
        return "Account[" + describe() + ", " + balance + ", " + status.code() + "]";
    }
}
