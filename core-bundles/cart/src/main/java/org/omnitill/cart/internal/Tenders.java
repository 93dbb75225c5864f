package org.omnitill.cart.internal;

import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.UUID;

import javax.persistence.EntityManager;

import org.omnitill.api.money.Money;
import org.omnitill.api.payment.CardDetails;
import org.omnitill.api.payment.PaymentReference;
import org.omnitill.api.payment.PaymentResult;
import org.omnitill.api.payment.TenderStatus;
import org.omnitill.persistence.model.CartEntity;
import org.omnitill.persistence.model.TenderEntity;

/** The tender rows behind payments: created pending, settled with the provider's answer, referred back to it. */
final class Tenders {

    private Tenders() {
    }

    /**
     * The payment id the provider sees: derived from the client's idempotency key (so a retried request
     * finds its first attempt and the provider recognises the retry), or random without one.
     */
    static String paymentId(String cartId, String paymentKey) {
        if (paymentKey == null || paymentKey.isBlank()) {
            return UUID.randomUUID().toString();
        }
        return UUID.nameUUIDFromBytes(("payment\u0000" + cartId + "\u0000" + paymentKey).getBytes(StandardCharsets.UTF_8))
                .toString();
    }

    static TenderEntity pending(String paymentId, CartEntity cart, String method, Money tendered,
            Map<String, String> data, Instant now) {
        TenderEntity tender = new TenderEntity();
        tender.id = paymentId;
        tender.cart = cart;
        tender.method = method;
        tender.status = TenderStatus.PENDING;
        tender.amount = java.math.BigDecimal.ZERO;
        tender.tendered = tendered.amount();
        tender.changeGiven = java.math.BigDecimal.ZERO;
        tender.rounding = java.math.BigDecimal.ZERO;
        tender.requestData = encode(data);
        tender.createdAt = now;
        tender.updatedAt = now;
        return tender;
    }

    /** Records the amount due the request was made against. */
    static void due(TenderEntity tender, Money due) {
        tender.amountDue = due.amount();
    }

    /** Removes a pending tender whose payment was refused for certain: a failed payment leaves no trace on the cart. */
    static Void forget(EntityManager em, String paymentId) {
        TenderEntity tender = em.find(TenderEntity.class, paymentId);
        if (tender != null && tender.status == TenderStatus.PENDING) {
            tender.cart.tenders.remove(tender);
            em.remove(tender);
        }
        return null;
    }

    static void settle(TenderEntity tender, PaymentResult result, Instant now) {
        tender.status = result.status();
        if (result.status() == TenderStatus.CAPTURED || result.status() == TenderStatus.AUTHORIZED) {
            tender.amount = result.applied().amount();
            tender.changeGiven = result.change().amount();
            tender.rounding = result.rounding().amount();
        }
        tender.reference = result.reference() != null ? result.reference() : tender.reference;
        tender.message = result.message() == null ? null
                : result.message().length() > 512 ? result.message().substring(0, 512) : result.message();
        CardDetails card = result.card();
        if (card != null) {
            tender.cardBrand = clip(card.brand(), 32);
            tender.maskedPan = clip(card.maskedPan(), 32);
            tender.cardToken = clip(card.token(), 128);
            tender.authorisationCode = clip(card.authorisationCode(), 32);
        }
        tender.updatedAt = now;
    }

    static PaymentReference reference(TenderEntity tender, CartEntity cart) {
        Money amount = Money.of(tender.status == TenderStatus.PENDING ? tender.tendered : tender.amount,
                Money.currency(cart.currency));
        return new PaymentReference(tender.id, cart.storeId, cart.registerId, tender.reference, amount,
                decode(tender.requestData));
    }

    static List<PaymentReference> pendingReferences(EntityManager em, String cartId) {
        String where = cartId == null ? "" : " AND t.cart.id = :cart";
        var query = em.createQuery("SELECT t FROM TenderEntity t WHERE t.status = :pending" + where
                + " ORDER BY t.createdAt", TenderEntity.class).setParameter("pending", TenderStatus.PENDING);
        if (cartId != null) {
            query.setParameter("cart", cartId);
        }
        return query.setMaxResults(500).getResultList().stream().map(t -> reference(t, t.cart)).toList();
    }

    static String encode(Map<String, String> data) {
        String text = TenderEntity.encodeData(data);
        if (text != null && text.length() > 2048) {
            throw org.omnitill.api.error.OmnitillException.invalid("payment_data_too_long",
                    "the payment's method data is longer than 2048 characters");
        }
        return text;
    }

    static Map<String, String> decode(String text) {
        return TenderEntity.decodeData(text);
    }

    private static String clip(String value, int max) {
        return value == null || value.length() <= max ? value : value.substring(0, max);
    }
}
