package org.omnitill.payment.giftcard.internal;

import java.util.Arrays;
import java.util.Locale;

import org.omnitill.api.error.OmnitillException;

/** Whether an account can be spent from and topped up ({@code active}) or not ({@code blocked}, e.g. reported lost). */
enum AccountStatus {
    ACTIVE("active"), BLOCKED("blocked");

    private final String code;

    AccountStatus(String code) {
        this.code = code;
    }

    String code() {
        return code;
    }

    static AccountStatus ofCode(String code) {
        String wanted = code == null ? "" : code.strip().toLowerCase(Locale.ROOT);
        return Arrays.stream(values()).filter(s -> s.code.equals(wanted)).findFirst()
                .orElseThrow(() -> OmnitillException.invalid("invalid_status",
                        "status must be active or blocked, not '" + code + "'"));
    }
}
