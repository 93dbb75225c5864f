package org.omnitill.order.internal;

import java.math.BigDecimal;
import java.time.Clock;
import java.time.Instant;
import java.time.ZoneId;
import java.util.Comparator;
import java.util.Currency;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.UUID;

import javax.persistence.EntityManager;
import javax.persistence.LockModeType;
import javax.persistence.TypedQuery;

import org.omnitill.api.cart.CartService;
import org.omnitill.api.cart.CartStatus;
import org.omnitill.api.cart.CartView;
import org.omnitill.api.cart.LineView;
import org.omnitill.api.cart.TaxBreakdown;
import org.omnitill.api.cart.TenderView;
import org.omnitill.api.catalog.Page;
import org.omnitill.api.device.Receipt;
import org.omnitill.api.error.OmnitillException;
import org.omnitill.api.inventory.InventoryService;
import org.omnitill.api.money.Money;
import org.omnitill.api.order.OrderQuery;
import org.omnitill.api.order.OrderService;
import org.omnitill.api.order.OrderSummary;
import org.omnitill.api.order.OrderView;
import org.omnitill.api.payment.TenderStatus;
import org.omnitill.api.store.StoreService;
import org.omnitill.api.store.StoreView;
import org.omnitill.persistence.NodeIdentity;
import org.omnitill.persistence.StoredTime;
import org.omnitill.persistence.TransactionRunner;
import org.omnitill.persistence.model.CartEntity;
import org.omnitill.persistence.model.OrderEntity;
import org.omnitill.persistence.model.OrderLineEntity;
import org.omnitill.persistence.model.OrderPaymentEntity;
import org.omnitill.persistence.model.OrderSequenceEntity;
import org.omnitill.persistence.model.OrderTaxEntity;
import org.omnitill.persistence.model.OutboxEventEntity;
import org.osgi.service.component.annotations.Activate;
import org.osgi.service.component.annotations.Component;
import org.osgi.service.component.annotations.Reference;

/**
 * Checkout. The cart row is locked, stock is taken line by line with conditional updates, the
 * store's order number is drawn and the order written, all in one transaction: a failure at any
 * step leaves cart, stock and numbering as they were. Receipts print after the commit, off the
 * request thread ({@link ReceiptPrinting}); a printer can never undo a sale.
 */
@Component(service = OrderService.class)
public class OrderServiceImpl implements OrderService {

    private final TransactionRunner tx;
    private final CartService carts;
    private final InventoryService inventory;
    private final StoreService stores;
    private final NodeIdentity node;
    private final Clock clock;
    private final ReceiptPrinting printing;

    @Activate
    public OrderServiceImpl(@Reference TransactionRunner tx, @Reference CartService carts,
            @Reference InventoryService inventory, @Reference StoreService stores, @Reference NodeIdentity node,
            @Reference ReceiptPrinting printing) {
        this(tx, carts, inventory, stores, node, printing, StoredTime.clock(ZoneId.systemDefault()));
    }

    OrderServiceImpl(TransactionRunner tx, CartService carts, InventoryService inventory, StoreService stores,
            NodeIdentity node, ReceiptPrinting printing, Clock clock) {
        this.tx = tx;
        this.carts = carts;
        this.inventory = inventory;
        this.stores = stores;
        this.node = node;
        this.printing = printing;
        this.clock = clock;
    }

    @Override
    public OrderView checkout(String cartId, String cashier) {
        return tx.required(em -> {
            Receipt placed = place(em, cartId, cashier);
            printing.printAfterCommit(tx, placed, placed.order().storeId(), "order " + placed.order().orderNumber());
            return placed.order();
        });
    }

    /** Writes the order and returns it with its receipt text. */
    private Receipt place(EntityManager em, String cartId, String cashier) {
        CartEntity cart = cartId == null ? null : em.find(CartEntity.class, cartId, LockModeType.PESSIMISTIC_WRITE);
        if (cart == null) {
            throw OmnitillException.notFound("cart_not_found", "there is no cart '" + cartId + "'");
        }
        if (cart.status != CartStatus.OPEN) {
            throw OmnitillException.conflict("cart_closed", "the cart is already checked out as order " + cart.orderId);
        }
        CartView view = carts.cart(cartId);
        if (view.lines().isEmpty()) {
            throw OmnitillException.unprocessable("cart_empty", "there is nothing to check out");
        }
        if (!view.taxAvailable()) {
            throw OmnitillException.unprocessable("tax_rule_unavailable", view.taxRuleId() == null
                    ? "no tax rule is installed for store " + view.storeId() + "; install its tax plugin"
                    : "the tax plugin '" + view.taxRuleId() + "' that store " + view.storeId()
                            + " is configured with is not installed; install it");
        }
        if (view.due().isPositive()) {
            throw OmnitillException.unprocessable("cart_not_paid", view.due() + " is still due");
        }
        StoreView store = stores.store(cart.storeId).orElseThrow(() -> OmnitillException.unavailable(
                "store_not_found", "the cart's store '" + cart.storeId + "' no longer exists"));

        ZoneId receiptZone = StoreZones.receiptZone(em, store.id(), clock);

        // Everything that takes no lock first: the stock rows and the store's order number taken below stay
        // locked until the commit, and every checkout of the store waits for that number.
        String orderId = UUID.randomUUID().toString();
        Instant now = clock.instant();
        OrderEntity order = new OrderEntity();
        order.id = orderId;
        order.storeId = cart.storeId;
        order.channel = cart.channel;
        order.registerId = cart.registerId;
        order.cartId = cart.id;
        order.cashier = cashier;
        order.nodeId = node.nodeId();
        order.placedAt = now;
        order.currency = cart.currency;
        order.pricesIncludeTax = cart.pricesIncludeTax;
        order.subtotal = view.subtotal().amount();
        order.taxTotal = view.taxTotal().amount();
        order.total = view.total().amount();
        order.rounding = view.rounding().amount();
        order.paid = view.paid().amount();
        order.changeGiven = view.changeGiven().amount();
        for (LineView line : view.lines()) {
            OrderLineEntity l = new OrderLineEntity();
            l.id = UUID.randomUUID().toString();
            l.order = order;
            l.lineNo = line.lineNo();
            l.sku = line.sku();
            l.name = line.name();
            l.barcode = line.barcode();
            l.quantity = line.quantity();
            l.unit = line.unit();
            l.unitPrice = line.unitPrice().amount();
            l.lineTotal = line.lineTotal().amount();
            l.taxCategory = line.taxCategory();
            l.taxCode = line.taxCode();
            l.tax = line.tax().amount();
            l.regularUnitPrice = line.regularUnitPrice().amount();
            l.priceOverrideReason = line.priceOverrideReason();
            l.discountAmount = line.discount().isZero() && line.discountReason() == null ? null : line.discount().amount();
            l.discountPercent = line.discountPercent();
            l.discountReason = line.discountReason();
            l.fulfilledFrom = cart.storeId;
            order.lines.add(l);
        }
        int position = 0;
        for (TaxBreakdown tax : view.taxes()) {
            OrderTaxEntity t = new OrderTaxEntity();
            t.id = UUID.randomUUID().toString();
            t.order = order;
            t.position = position++;
            t.jurisdiction = tax.jurisdiction();
            t.code = tax.code();
            t.name = tax.name();
            t.rate = tax.rate();
            t.taxableAmount = tax.taxableAmount().amount();
            t.tax = tax.tax().amount();
            t.grossAmount = tax.grossAmount().amount();
            order.taxes.add(t);
        }
        for (TenderView tender : view.payments()) {
            if (tender.status() != TenderStatus.CAPTURED) {
                continue;
            }
            OrderPaymentEntity p = new OrderPaymentEntity();
            p.id = tender.id();
            p.order = order;
            p.method = tender.method();
            p.status = tender.status();
            p.amount = tender.amount().amount();
            p.tendered = tender.tendered().amount();
            p.changeGiven = tender.change().amount();
            p.rounding = tender.rounding().amount();
            p.reference = tender.reference();
            p.createdAt = tender.createdAt();
            p.cardBrand = tender.cardBrand();
            p.maskedPan = tender.maskedPan();
            p.authorisationCode = tender.authorisationCode();
            order.payments.add(p);
        }

        // Take stock in a fixed order so that two checkouts of the same articles cannot deadlock.
        view.lines().stream().sorted(Comparator.comparing(LineView::sku)).forEach(line ->
                inventory.remove(cart.storeId, line.sku(), line.quantity(), "sale", orderId));

        cart.status = CartStatus.CHECKED_OUT;
        cart.orderId = order.id;
        cart.updatedAt = now;

        OutboxEventEntity event = new OutboxEventEntity();
        event.id = UUID.randomUUID().toString();
        event.aggregateType = "order";
        event.aggregateId = order.id;
        event.eventType = "OrderPlaced";
        event.storeId = order.storeId;
        event.nodeId = order.nodeId;
        event.createdAt = now;
        em.persist(event);
        // what needs no order number is written before the number is drawn (same transaction)
        em.flush();

        // the number last: from here to the commit, every other checkout of this store waits
        order.orderNumber = cart.storeId + "-" + String.format("%06d", nextNumber(em, cart.storeId));
        OrderView orderView = OrderViews.view(order);
        String receipt = ReceiptRenderer.render(orderView, store, receiptZone, view.taxExemptionCertificate());
        order.receiptText = receipt;
        em.persist(order);
        return new Receipt(orderView, receipt);
    }

    /** Draws the store's next order number under a row lock, so numbers are gapless and never repeat. */
    private static long nextNumber(EntityManager em, String storeId) {
        OrderSequenceEntity seq = em.find(OrderSequenceEntity.class, storeId, LockModeType.PESSIMISTIC_WRITE);
        if (seq == null) {
            seq = new OrderSequenceEntity();
            seq.storeId = storeId;
            em.persist(seq);
        }
        long number = seq.nextNumber;
        seq.nextNumber = number + 1;
        return number;
    }

    @Override
    public OrderView order(String orderId) {
        return tx.required(em -> OrderViews.view(find(em, orderId)));
    }

    @Override
    public String receipt(String orderId) {
        return tx.required(em -> find(em, orderId).receiptText);
    }

    @Override
    public String orderIdOf(String idOrNumber) {
        return tx.required(em -> find(em, idOrNumber).id);
    }

    @Override
    public Page<OrderSummary> search(OrderQuery query) {
        if (query.offset() < 0 || query.limit() < 1) {
            throw OmnitillException.invalid("invalid_parameter", "offset must be 0 or more and limit 1 or more");
        }
        if (query.placedFrom() != null && query.placedBefore() != null
                && query.placedBefore().isBefore(query.placedFrom())) {
            throw OmnitillException.invalid("invalid_date_range", "the period ends before it starts");
        }
        StringBuilder where = new StringBuilder(" WHERE 1 = 1");
        Map<String, Object> parameters = new HashMap<>();
        String text = query.text() == null ? "" : query.text().strip();
        if (!text.isEmpty()) {
            where.append(" AND LOWER(o.orderNumber) LIKE :q ESCAPE '\\'");
            parameters.put("q", "%" + escapeLike(text.toLowerCase(Locale.ROOT)) + "%");
        }
        if (query.storeId() != null) {
            where.append(" AND o.storeId = :store");
            parameters.put("store", query.storeId());
        }
        if (query.channel() != null) {
            where.append(" AND o.channel = :channel");
            parameters.put("channel", query.channel());
        }
        if (query.placedFrom() != null) {
            where.append(" AND o.placedAt >= :from");
            parameters.put("from", query.placedFrom());
        }
        if (query.placedBefore() != null) {
            where.append(" AND o.placedAt < :before");
            parameters.put("before", query.placedBefore());
        }
        return tx.required(em -> {
            TypedQuery<Long> count = em.createQuery("SELECT COUNT(o) FROM OrderEntity o" + where, Long.class);
            TypedQuery<OrderEntity> page = em.createQuery("SELECT o FROM OrderEntity o" + where
                    + " ORDER BY o.placedAt DESC, o.orderNumber DESC", OrderEntity.class);
            parameters.forEach((name, value) -> {
                count.setParameter(name, value);
                page.setParameter(name, value);
            });
            List<OrderEntity> orders = page.setFirstResult(query.offset()).setMaxResults(query.limit()).getResultList();
            return new Page<>(summaries(em, orders), count.getSingleResult(), query.offset(), query.limit());
        });
    }

    /** The page's line counts and refunds in two grouped queries, not two per order. */
    private static List<OrderSummary> summaries(EntityManager em, List<OrderEntity> orders) {
        if (orders.isEmpty()) {
            return List.of();
        }
        List<String> ids = orders.stream().map(o -> o.id).toList();
        Map<String, Long> lineCounts = new HashMap<>();
        em.createQuery("SELECT l.order.id, COUNT(l) FROM OrderLineEntity l WHERE l.order.id IN :ids"
                        + " GROUP BY l.order.id", Object[].class)
                .setParameter("ids", ids).getResultList()
                .forEach(row -> lineCounts.put((String) row[0], ((Number) row[1]).longValue()));
        Map<String, BigDecimal> refunded = new HashMap<>();
        em.createQuery("SELECT r.orderId, SUM(r.refundTotal) FROM OrderReturnEntity r WHERE r.orderId IN :ids"
                        + " GROUP BY r.orderId", Object[].class)
                .setParameter("ids", ids).getResultList()
                .forEach(row -> refunded.put((String) row[0], (BigDecimal) row[1]));
        return orders.stream().map(o -> {
            Currency currency = Money.currency(o.currency);
            return new OrderSummary(o.id, o.orderNumber, o.storeId, o.channel, o.registerId, o.cashier, o.placedAt,
                    currency, Money.of(o.total, currency), Money.of(o.taxTotal, currency),
                    lineCounts.getOrDefault(o.id, 0L).intValue(),
                    Money.of(refunded.getOrDefault(o.id, BigDecimal.ZERO), currency));
        }).toList();
    }

    private static String escapeLike(String text) {
        return text.replace("\\", "\\\\").replace("%", "\\%").replace("_", "\\_");
    }

    /**
     * The order with this id or, failing that, this order number: the register finds an order by the
     * number printed (and as a barcode) on its receipt.
     */
    static OrderEntity find(EntityManager em, String idOrNumber) {
        String ref = idOrNumber == null ? "" : idOrNumber.strip();
        OrderEntity order = ref.isEmpty() ? null : em.find(OrderEntity.class, ref);
        if (order == null && !ref.isEmpty()) {
            // unique per store, and numbers start with their store's id, so at most one matches
            order = em.createQuery("SELECT o FROM OrderEntity o WHERE o.orderNumber = :number", OrderEntity.class)
                    .setParameter("number", ref).setMaxResults(1).getResultList().stream().findFirst().orElse(null);
        }
        if (order == null) {
            throw OmnitillException.notFound("order_not_found", "there is no order '" + idOrNumber + "'");
        }
        return order;
    }
}
