package org.omnitill.persistence.model;

import java.math.BigDecimal;
import java.time.Instant;

import javax.persistence.Column;
import javax.persistence.Entity;
import javax.persistence.Index;
import javax.persistence.JoinColumn;
import javax.persistence.ManyToOne;
import javax.persistence.Table;

/**
 * A payment towards a cart, and where it stands: {@code PENDING} while the provider is asked (or its
 * answer is unknown), then {@code CAPTURED}, {@code AUTHORIZED} or {@code FAILED}; a captured or pending
 * tender can be {@code VOIDED} before checkout. The id is the payment id the provider saw. Amounts are
 * in the cart's currency. Indexed by cart: every request on a cart loads its tenders.
 */
@Entity
@Table(name = "OT_TENDER", indexes = @Index(name = "OT_TENDER_CART", columnList = "cart_id"))
public class TenderEntity extends PaymentColumns {
    @ManyToOne(optional = false)
    @JoinColumn(name = "cart_id", nullable = false)
    public CartEntity cart;
    @Column(length = 512)
    public String message;
    @Column(name = "card_token", length = 128)
    public String cardToken;
    /** The method-specific input the payment was requested with (JSON object), for status, cancel and refund. */
    @Column(name = "request_data", length = 2048)
    public String requestData;
    @Column(name = "updated_at", columnDefinition = "TIMESTAMP WITH TIME ZONE")
    public Instant updatedAt;
    /** What was owed when the payment was asked for; the provider's answer must not settle more. */
    @Column(name = "amount_due", precision = 19, scale = 4)
    public BigDecimal amountDue;

    /** {@code k=v&k2=v2}, URL-encoded and sorted: small, readable in the database, no JSON library needed. */
    public static String encodeData(java.util.Map<String, String> data) {
        if (data == null || data.isEmpty()) {
            return null;
        }
        StringBuilder text = new StringBuilder();
        new java.util.TreeMap<>(data).forEach((k, v) -> {
            if (text.length() > 0) {
                text.append('&');
            }
            text.append(java.net.URLEncoder.encode(k, java.nio.charset.StandardCharsets.UTF_8)).append('=')
                    .append(java.net.URLEncoder.encode(v == null ? "" : v, java.nio.charset.StandardCharsets.UTF_8));
        });
        return text.toString();
    }

    public static java.util.Map<String, String> decodeData(String text) {
        java.util.Map<String, String> data = new java.util.LinkedHashMap<>();
        if (text == null || text.isEmpty()) {
            return data;
        }
        for (String pair : text.split("&")) {
            int eq = pair.indexOf('=');
            data.put(java.net.URLDecoder.decode(pair.substring(0, eq), java.nio.charset.StandardCharsets.UTF_8),
                    java.net.URLDecoder.decode(pair.substring(eq + 1), java.nio.charset.StandardCharsets.UTF_8));
        }
        return data;
    }
}
