package org.omnitill.order.internal;

import java.math.BigDecimal;
import java.math.BigInteger;
import java.math.RoundingMode;
import java.time.Clock;
import java.time.ZoneId;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.Currency;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;

import javax.persistence.EntityManager;
import javax.persistence.LockModeType;

import org.omnitill.api.audit.AuditEvent;
import org.omnitill.api.audit.AuditTrail;
import org.omnitill.api.device.Receipt;
import org.omnitill.api.error.OmnitillException;
import org.omnitill.api.inventory.InventoryService;
import org.omnitill.api.money.Money;
import org.omnitill.api.order.OrderView;
import org.omnitill.api.order.ReturnLineRequest;
import org.omnitill.api.order.ReturnRequest;
import org.omnitill.api.order.ReturnService;
import org.omnitill.api.order.ReturnView;
import org.omnitill.api.payment.PaymentMethod;
import org.omnitill.api.payment.PaymentReference;
import org.omnitill.api.payment.RefundRequest;
import org.omnitill.api.payment.RefundResult;
import org.omnitill.api.payment.TenderStatus;
import org.omnitill.api.plugin.PluginProperties;
import org.omnitill.api.store.StoreService;
import org.omnitill.api.store.StoreView;
import org.omnitill.persistence.NodeIdentity;
import org.omnitill.persistence.StoredTime;
import org.omnitill.persistence.TransactionRunner;
import org.omnitill.persistence.model.OrderEntity;
import org.omnitill.persistence.model.OrderLineEntity;
import org.omnitill.persistence.model.OrderPaymentEntity;
import org.omnitill.persistence.model.OrderReturnEntity;
import org.omnitill.persistence.model.OrderReturnLineEntity;
import org.omnitill.persistence.model.OrderReturnTaxEntity;
import org.omnitill.persistence.model.OrderTaxEntity;
import org.omnitill.persistence.model.OutboxEventEntity;
import org.omnitill.persistence.model.RefundEntity;
import org.omnitill.persistence.model.ReturnSequenceEntity;
import org.omnitill.persistence.model.StoreEntity;
import org.omnitill.persistence.model.TenderEntity;
import org.osgi.service.component.annotations.Activate;
import org.osgi.service.component.annotations.Component;
import org.osgi.service.component.annotations.Deactivate;
import org.osgi.service.component.annotations.Reference;
import org.osgi.service.component.annotations.ReferenceCardinality;
import org.osgi.service.component.annotations.ReferencePolicy;
import org.osgi.service.component.annotations.ReferencePolicyOption;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Returns of placed orders, at any location in the order's currency.
 *
 * <p>One transaction: the order row is locked first, so that returns of one order run one after
 * the other and each sees what the ones before it returned; then the whole request is checked, and
 * only then is anything written (return, refunds, tax per rate, the store's return number, stock
 * back in, outbox event). A failure at any step leaves none of it behind. The return receipt
 * prints after the commit, off the request thread ({@link ReceiptPrinting}).
 *
 * <p><b>Amounts.</b> An order line was paid {@code P = net + tax} (the line total is gross where
 * prices include tax, net plus the line's stored tax elsewhere). What was paid and its tax are each
 * refunded cumulatively: after a return the line has refunded {@code round(P * returned / sold)} in
 * all and {@code round(tax * returned / sold)} of it as tax (the rest is net), so one of two items at
 * 14.99 refunds 14.99, the return that takes the last of a line refunds exactly what is left,
 * and no sequence of partial returns can refund a cent more or less than was paid. Returning a
 * whole order refunds exactly its total. The order's cash rounding is not refunded: refunds are
 * exact amounts (a cash refund in a country that rounds cash is paid out as the exact amount too).
 *
 * <p><b>Tax per rate</b> comes from the order's stored tax lines, never from today's rules: a line
 * taxed at one rate refunds its tax at that rate. Orders store a line's total tax, not its split per
 * rate, so the tax of a line taxed at several rates (US state + county) is attributed to the order's
 * rates in proportion to the tax each carried on the order.
 *
 * <p><b>Tenders.</b> The refund is spread over the order's tenders in proportion to what each has
 * left to refund, and each share is refunded to its original payment method by its plugin
 * ({@link org.omnitill.api.payment.PaymentMethod#refund}), outside the return's transaction, with the
 * refund's id as the provider's idempotency key. Cash is paid out at the counter.
 */
@Component(service = ReturnService.class)
public class ReturnServiceImpl implements ReturnService {

    private static final Logger LOG = LoggerFactory.getLogger(ReturnServiceImpl.class);

    static final String EVENT_TYPE = "order.returned";
    static final String AGGREGATE_TYPE = "return";
    static final String STOCK_REASON = "return";
    static final String CASH = "cash";

    private static final int MAX_REASON = 255;
    private static final int MAX_STAFF_ID = 64;

    private final TransactionRunner tx;
    private final InventoryService inventory;
    private final StoreService stores;
    private final NodeIdentity node;
    private final Clock clock;
    private final ReceiptPrinting printing;
    private final AuditTrail audit;
    private final Map<String, PaymentMethod> methods = new ConcurrentHashMap<>();
    private ScheduledExecutorService pendingRefunds;

    @Activate
    public ReturnServiceImpl(@Reference TransactionRunner tx, @Reference InventoryService inventory,
            @Reference StoreService stores, @Reference NodeIdentity node, @Reference ReceiptPrinting printing,
            @Reference AuditTrail audit) {
        this(tx, inventory, stores, node, printing, audit, StoredTime.clock(ZoneId.systemDefault()));
        // refunds a provider could not answer (or whose plugin was away) are asked again until they are settled
        pendingRefunds = Executors.newSingleThreadScheduledExecutor(r -> {
            Thread thread = new Thread(r, "omnitill-pending-refunds");
            thread.setDaemon(true);
            return thread;
        });
        pendingRefunds.scheduleWithFixedDelay(this::retryPendingRefunds, 10, 30, TimeUnit.SECONDS);
    }

    ReturnServiceImpl(TransactionRunner tx, InventoryService inventory, StoreService stores, NodeIdentity node,
            ReceiptPrinting printing, AuditTrail audit, Clock clock) {
        this.tx = tx;
        this.inventory = inventory;
        this.stores = stores;
        this.node = node;
        this.printing = printing;
        this.audit = audit;
        this.clock = clock;
    }

    @Deactivate
    void deactivate() {
        if (pendingRefunds != null) {
            pendingRefunds.shutdownNow();
        }
    }

    @Reference(cardinality = ReferenceCardinality.MULTIPLE, policy = ReferencePolicy.DYNAMIC,
            policyOption = ReferencePolicyOption.GREEDY, unbind = "removePaymentMethod")
    void addPaymentMethod(PaymentMethod method, Map<String, Object> properties) {
        Object id = properties.get(PluginProperties.ID);
        if (id != null) {
            methods.put(id.toString(), method);
        }
    }

    void removePaymentMethod(PaymentMethod method) {
        methods.values().removeIf(m -> m == method);
    }

    /** For tests: the plugin refunds to a method go to. */
    PaymentMethod methodFor(String id) {
        return methods.get(id);
    }

    /**
     * Takes the goods back in one transaction (return, stock, refunds as {@code PENDING}, audit entry,
     * outbox), then, outside it, asks each original payment method to refund its share and records the
     * answers. A refund the provider cannot make ends {@code FAILED} (see {@link #refundInCash}); one it
     * cannot answer stays {@code PENDING} and is asked again in the background.
     */
    @Override
    public ReturnView returnLines(String orderId, ReturnRequest request) {
        checkRequest(request);
        String returnId = request.returnKey() == null || request.returnKey().isBlank() ? UUID.randomUUID().toString()
                : UUID.nameUUIDFromBytes(("return\u0000" + orderId + "\u0000" + request.returnKey())
                        .getBytes(java.nio.charset.StandardCharsets.UTF_8)).toString();
        boolean made = tx.required(em -> {
            if (em.find(OrderReturnEntity.class, returnId) != null) {
                return false; // a retry: the first attempt's return stands
            }
            Processed processed = process(em, orderId, request, returnId);
            ReturnView ret = processed.view();
            audit.record(new AuditEvent("order.refund", staff(request.processedBy()), request.approvedBy(),
                    "order/" + orderId, AuditEvent.SUCCESS, Map.of("return", ret.number(),
                            "refund", ret.refundTotal().toString(), "reason", ret.reason())));
            printing.printAfterCommit(tx, new Receipt(processed.document(), ret.receipt()), ret.storeId(),
                    "return " + ret.number());
            return true;
        });
        if (!made) {
            ReturnView earlier = returnById(returnId);
            if (!earlier.orderId().equals(orderId)) {
                throw OmnitillException.conflict("idempotency_key_reused", "this Idempotency-Key was used for another return");
            }
        }
        executeRefunds(returnId);
        return returnById(returnId);
    }

    private static String staff(String name) {
        return name == null || name.isBlank() ? "system" : name;
    }

    /** Asks the payment plugins to carry out the return's pending refunds, outside any transaction. */
    void executeRefunds(String returnId) {
        List<RefundRequest> pending = tx.required(em -> pendingRefundRequests(em, returnId));
        for (RefundRequest request : pending) {
            String method = tx.required(em -> em.find(RefundEntity.class, request.refundId()).method);
            PaymentMethod plugin = methods.get(method);
            if (plugin == null) {
                settleRefund(request.refundId(), null, "the " + method + " payment plugin is not installed; the refund"
                        + " is made when it is back");
                continue;
            }
            RefundResult result;
            try {
                result = plugin.refund(request);
            } catch (UnsupportedOperationException e) {
                result = RefundResult.failed(request.amount(), method + " cannot refund");
            } catch (OmnitillException e) {
                result = RefundResult.failed(request.amount(), e.getMessage());
            } catch (RuntimeException e) {
                LOG.warn("refund {} with {}: no answer from the provider ({}); it stays pending", request.refundId(),
                        method, e.getClass().getSimpleName());
                continue;
            }
            settleRefund(request.refundId(), result, null);
        }
    }

    private void settleRefund(String refundId, RefundResult result, String pendingNote) {
        tx.required(em -> {
            RefundEntity refund = em.find(RefundEntity.class, refundId, LockModeType.PESSIMISTIC_WRITE);
            if (refund.status != TenderStatus.PENDING) {
                return null;
            }
            if (result == null) {
                refund.note = pendingNote;
                return null;
            }
            refund.status = result.status();
            refund.reference = result.reference();
            refund.note = result.status() == TenderStatus.FAILED
                    ? clip("The " + refund.method + " refund failed: " + (result.message() == null ? "no reason given"
                            : result.message()) + ". A supervisor may pay it in cash instead.", 512)
                    : result.status() == TenderStatus.PENDING ? "The provider has not confirmed the refund yet."
                    : CASH.equals(refund.method) ? "Paid out in cash, the exact amount (not cash-rounded)."
                    : "Refunded by " + refund.method + ".";
            return null;
        });
    }

    private List<RefundRequest> pendingRefundRequests(EntityManager em, String returnId) {
        String where = returnId == null ? "" : " AND r.orderReturn.id = :ret";
        var query = em.createQuery("SELECT r FROM RefundEntity r WHERE r.status = :pending" + where
                + " ORDER BY r.createdAt", RefundEntity.class).setParameter("pending", TenderStatus.PENDING);
        if (returnId != null) {
            query.setParameter("ret", returnId);
        }
        List<RefundRequest> requests = new ArrayList<>();
        for (RefundEntity refund : query.setMaxResults(500).getResultList()) {
            OrderEntity order = em.find(OrderEntity.class, refund.orderId);
            OrderPaymentEntity paid = order.payments.stream().filter(p -> p.id.equals(refund.orderPaymentId))
                    .findFirst().orElse(null);
            if (paid == null) {
                continue;
            }
            TenderEntity tender = em.find(TenderEntity.class, paid.id);
            Currency currency = Money.currency(order.currency);
            PaymentReference original = new PaymentReference(paid.id, order.storeId, null, paid.reference,
                    Money.of(paid.amount, currency), tender == null ? Map.of() : TenderEntity.decodeData(tender.requestData));
            requests.add(new RefundRequest(refund.id, original, Money.of(refund.amount, currency),
                    refund.orderReturn.reason));
        }
        return requests;
    }

    private void retryPendingRefunds() {
        try {
            List<String> returns = tx.required(em -> em.createQuery("SELECT DISTINCT r.orderReturn.id FROM RefundEntity r"
                    + " WHERE r.status = :pending", String.class).setParameter("pending", TenderStatus.PENDING)
                    .setMaxResults(100).getResultList());
            returns.forEach(this::executeRefunds);
        } catch (RuntimeException e) {
            LOG.warn("could not retry pending refunds: {}", e.toString());
        }
    }

    @Override
    public ReturnView refundInCash(String returnId, String refundId, String processedBy, String approvedBy) {
        tx.required(em -> {
            OrderReturnEntity ret = returnId == null ? null
                    : em.find(OrderReturnEntity.class, returnId, LockModeType.PESSIMISTIC_WRITE);
            if (ret == null) {
                throw OmnitillException.notFound("return_not_found", "there is no return '" + returnId + "'");
            }
            RefundEntity failed = ret.refunds.stream().filter(r -> r.id.equals(refundId)).findFirst()
                    .orElseThrow(() -> OmnitillException.notFound("refund_not_found",
                            "return " + ret.returnNumber + " has no refund '" + refundId + "'"));
            if (failed.status != TenderStatus.FAILED) {
                throw OmnitillException.conflict("refund_not_failed",
                        "only a failed refund is paid in cash instead; this one is " + failed.status);
            }
            // the failed refund stays FAILED (that is what happened at the provider), so what tells that it has
            // been settled is the cash refund against the same tender: a return refunds each tender once
            if (ret.refunds.stream().anyMatch(r -> CASH.equals(r.method)
                    && java.util.Objects.equals(r.orderPaymentId, failed.orderPaymentId))) {
                throw OmnitillException.conflict("refund_already_paid_in_cash",
                        "the failed " + failed.method + " refund of return " + ret.returnNumber + " was already paid in cash");
            }
            RefundEntity cash = new RefundEntity();
            cash.id = UUID.randomUUID().toString();
            cash.orderReturn = ret;
            cash.position = ret.refunds.size();
            cash.orderId = ret.orderId;
            // the fallback settles the failed share of that tender: it counts as refunded from it
            cash.orderPaymentId = failed.orderPaymentId;
            cash.method = CASH;
            cash.status = TenderStatus.REFUNDED;
            cash.amount = failed.amount;
            cash.note = "Paid in cash instead of the failed " + failed.method + " refund, approved by " + approvedBy + ".";
            cash.createdAt = clock.instant();
            failed.note = clip(failed.note + " Paid in cash instead.", 512);
            ret.refunds.add(cash);
            em.persist(cash);
            audit.record(new AuditEvent("order.refund.cash-fallback", staff(processedBy), approvedBy,
                    "return/" + ret.returnNumber, AuditEvent.SUCCESS, Map.of("failedMethod", failed.method,
                            "amount", Money.of(cash.amount, Money.currency(ret.currency)).toString())));
            return null;
        });
        return returnById(returnId);
    }

    private static String clip(String text, int max) {
        return text.length() <= max ? text : text.substring(0, max);
    }

    @Override
    public List<ReturnView> returnsOf(String orderId) {
        return tx.required(em -> {
            OrderEntity order = orderId == null ? null : em.find(OrderEntity.class, orderId);
            if (order == null) {
                throw orderNotFound(orderId);
            }
            return em.createQuery("SELECT r FROM OrderReturnEntity r WHERE r.orderId = :order"
                            + " ORDER BY r.orderSequence", OrderReturnEntity.class)
                    .setParameter("order", orderId).getResultList().stream().map(ReturnViews::view).toList();
        });
    }

    @Override
    public ReturnView returnById(String returnId) {
        return tx.required(em -> {
            OrderReturnEntity r = returnId == null ? null : em.find(OrderReturnEntity.class, returnId);
            if (r == null) {
                throw OmnitillException.notFound("return_not_found", "there is no return '" + returnId + "'");
            }
            return ReturnViews.view(r);
        });
    }

    /** The committed return and the document its receipt is printed as. */
    private record Processed(ReturnView view, OrderView document) {
    }

    /** What one order line gives back in this return. */
    private record LinePlan(OrderLineEntity line, BigDecimal quantity, Money net, Money tax) {
        Money refund() {
            return net.plus(tax);
        }
    }

    /** The checks that need no database, so that a malformed request never waits for a lock. */
    private static void checkRequest(ReturnRequest request) {
        if (request == null) {
            throw OmnitillException.invalid("return_lines_required", "a return needs the lines that come back");
        }
        if (request.lines().isEmpty()) {
            throw OmnitillException.invalid("return_lines_required", "a return needs the lines that come back");
        }
        for (ReturnLineRequest line : request.lines()) {
            if (line == null || line.orderLineId() == null || line.orderLineId().isBlank()) {
                throw OmnitillException.invalid("return_lines_required", "every returned line must name an order line");
            }
            if (line.quantity() == null || line.quantity().signum() <= 0) {
                throw OmnitillException.invalid("invalid_quantity",
                        "the quantity returned of line " + line.orderLineId() + " must be more than zero");
            }
        }
        if (request.reason() == null || request.reason().isBlank()) {
            throw OmnitillException.invalid("reason_required", "a return needs a reason");
        }
        if (request.reason().length() > MAX_REASON) {
            throw OmnitillException.invalid("reason_too_long", "a reason has at most " + MAX_REASON + " characters");
        }
        for (String staff : new String[] {request.processedBy(), request.approvedBy()}) {
            if (staff != null && staff.length() > MAX_STAFF_ID) {
                throw OmnitillException.invalid("invalid_staff_id",
                        "a staff id has at most " + MAX_STAFF_ID + " characters");
            }
        }
    }

    private Processed process(EntityManager em, String orderId, ReturnRequest request, String returnId) {
        // Lock the order first: a second return of the same order waits here and then sees this one.
        OrderEntity order = orderId == null ? null : em.find(OrderEntity.class, orderId, LockModeType.PESSIMISTIC_WRITE);
        if (order == null) {
            throw orderNotFound(orderId);
        }
        Currency currency = Money.currency(order.currency);

        // --- check everything before writing anything ---
        Map<String, OrderLineEntity> orderLines = new HashMap<>();
        order.lines.forEach(l -> orderLines.put(l.id, l));
        Map<OrderLineEntity, BigDecimal> wanted = new LinkedHashMap<>();
        for (ReturnLineRequest requested : request.lines()) {
            OrderLineEntity line = orderLines.get(requested.orderLineId());
            if (line == null) {
                throw OmnitillException.notFound("line_not_found",
                        "order " + order.orderNumber + " has no line '" + requested.orderLineId() + "'");
            }
            if (requested.quantity().stripTrailingZeros().scale() > line.unit.maxDecimals()) {
                throw OmnitillException.invalid("invalid_quantity", line.unit.maxDecimals() == 0
                        ? line.sku + " is returned in whole pieces, not " + requested.quantity().toPlainString()
                        : line.sku + " is returned with at most " + line.unit.maxDecimals() + " decimals");
            }
            wanted.merge(line, requested.quantity(), BigDecimal::add);
        }
        String storeId = request.storeId() == null || request.storeId().isBlank() ? order.storeId : request.storeId();
        StoreView store = stores.store(storeId).orElseThrow(() -> OmnitillException.notFound("store_not_found",
                "there is no store '" + storeId + "' to take the return"));
        if (!store.currency().equals(currency)) {
            throw OmnitillException.unprocessable("currency_mismatch", "order " + order.orderNumber + " was paid in "
                    + order.currency + "; store " + storeId + " keeps " + store.currency().getCurrencyCode());
        }

        Map<String, Returned> before = returnedSoFar(em, order.id, currency);
        List<LinePlan> plan = new ArrayList<>();
        wanted.entrySet().stream().sorted(Comparator.comparingInt(e -> e.getKey().lineNo)).forEach(e -> {
            OrderLineEntity line = e.getKey();
            Returned so = before.getOrDefault(line.id, Returned.none(currency));
            BigDecimal after = so.quantity().add(e.getValue());
            if (after.compareTo(line.quantity) > 0) {
                throw OmnitillException.conflict("return_exceeds_sold", "line " + line.lineNo + " (" + line.sku
                        + ") sold " + plain(line.quantity) + ", of which " + plain(so.quantity())
                        + " already came back; " + plain(e.getValue()) + " more is too many");
            }
            Money lineTax = Money.of(line.tax, currency);
            // what the customer paid for the line is shared out first, so that returning one of two
            // items at 14.99 refunds 14.99; the tax share is then part of it, the net the rest
            Money linePaid = order.pricesIncludeTax ? Money.of(line.lineTotal, currency)
                    : Money.of(line.lineTotal, currency).plus(lineTax);
            Money refund = share(linePaid, after, line.quantity).minus(so.net().plus(so.tax()));
            Money tax = share(lineTax, after, line.quantity).minus(so.tax());
            Money net = refund.minus(tax);
            plan.add(new LinePlan(line, e.getValue(), net, tax));
        });
        Money zero = Money.zero(currency);
        Money refundTotal = plan.stream().map(LinePlan::refund).reduce(zero, Money::plus);
        Money taxTotal = plan.stream().map(LinePlan::tax).reduce(zero, Money::plus);
        List<Money> perTender = splitOverTenders(em, order, refundTotal);

        // --- write ---
        Instant now = clock.instant();
        OrderReturnEntity ret = new OrderReturnEntity();
        ret.id = returnId;
        ret.orderSequence = countReturns(em, order.id) + 1;
        ret.returnNumber = "R-" + storeId + "-" + String.format("%06d", nextNumber(em, storeId));
        ret.storeId = storeId;
        ret.orderId = order.id;
        ret.orderNumber = order.orderNumber;
        ret.currency = order.currency;
        ret.reason = request.reason().trim();
        ret.processedBy = request.processedBy();
        ret.approvedBy = request.approvedBy();
        ret.nodeId = node.nodeId();
        ret.createdAt = now;
        ret.refundTotal = refundTotal.amount();
        ret.taxTotal = taxTotal.amount();
        int lineNo = 1;
        for (LinePlan p : plan) {
            OrderReturnLineEntity l = new OrderReturnLineEntity();
            l.id = UUID.randomUUID().toString();
            l.orderReturn = ret;
            l.lineNo = lineNo++;
            l.orderLineId = p.line().id;
            l.orderLineNo = p.line().lineNo;
            l.sku = p.line().sku;
            l.name = p.line().name;
            l.taxCategory = p.line().taxCategory;
            l.quantity = p.quantity();
            l.unit = p.line().unit;
            l.unitPrice = p.line().unitPrice;
            l.net = p.net().amount();
            l.tax = p.tax().amount();
            l.refund = p.refund().amount();
            l.taxCode = p.line().taxCode;
            ret.lines.add(l);
        }
        ret.taxes.addAll(taxesPerRate(order, plan, ret, currency));
        for (int i = 0; i < order.payments.size(); i++) {
            Money amount = perTender.get(i);
            if (amount.isZero()) {
                continue;
            }
            OrderPaymentEntity tender = order.payments.get(i);
            RefundEntity refund = new RefundEntity();
            refund.id = UUID.randomUUID().toString();
            refund.orderReturn = ret;
            refund.position = ret.refunds.size();
            refund.orderId = order.id;
            refund.orderPaymentId = tender.id;
            refund.method = tender.method;
            refund.status = TenderStatus.PENDING;
            refund.amount = amount.amount();
            refund.note = "Asked of the " + tender.method + " payment plugin.";
            refund.createdAt = now;
            ret.refunds.add(refund);
        }
        ReturnView unprinted = ReturnViews.view(ret);
        ret.receiptText = ReturnReceiptRenderer.render(unprinted, order, store,
                StoreZones.receiptZone(em, storeId, clock));
        em.persist(ret);

        // Put the goods back in a fixed order, as checkout takes them, so that concurrent stock changes cannot deadlock.
        plan.stream().sorted(Comparator.comparing((LinePlan p) -> p.line().sku)).forEach(p ->
                inventory.add(storeId, p.line().sku, p.quantity(), STOCK_REASON, ret.id));

        OutboxEventEntity event = new OutboxEventEntity();
        event.id = UUID.randomUUID().toString();
        event.aggregateType = AGGREGATE_TYPE;
        event.aggregateId = ret.id;
        event.eventType = EVENT_TYPE;
        event.storeId = storeId;
        event.nodeId = ret.nodeId;
        event.createdAt = now;
        em.persist(event);
        em.flush();
        ReturnView view = ReturnViews.view(ret);
        return new Processed(view, ReturnViews.asReceiptDocument(view, order));
    }

    /** What earlier returns took of each line of an order, summed per order line id. */
    private record Returned(BigDecimal quantity, Money net, Money tax) {
        static Returned none(Currency currency) {
            return new Returned(BigDecimal.ZERO, Money.zero(currency), Money.zero(currency));
        }
    }

    private static Map<String, Returned> returnedSoFar(EntityManager em, String orderId, Currency currency) {
        Map<String, Returned> sums = new HashMap<>();
        List<Object[]> rows = em.createQuery("SELECT l.orderLineId, SUM(l.quantity), SUM(l.net), SUM(l.tax)"
                        + " FROM OrderReturnLineEntity l WHERE l.orderReturn.orderId = :order GROUP BY l.orderLineId",
                        Object[].class)
                .setParameter("order", orderId).getResultList();
        for (Object[] row : rows) {
            sums.put((String) row[0], new Returned((BigDecimal) row[1], Money.of((BigDecimal) row[2], currency),
                    Money.of((BigDecimal) row[3], currency)));
        }
        return sums;
    }

    private static int countReturns(EntityManager em, String orderId) {
        return em.createQuery("SELECT COUNT(r) FROM OrderReturnEntity r WHERE r.orderId = :order", Long.class)
                .setParameter("order", orderId).getSingleResult().intValue();
    }

    /** {@code amount * part / whole}, rounded half-up to the minor unit; exactly {@code amount} for the whole. */
    static Money share(Money amount, BigDecimal part, BigDecimal whole) {
        if (part.compareTo(whole) == 0) {
            return amount;
        }
        return Money.of(amount.amount().multiply(part).divide(whole, amount.currency().getDefaultFractionDigits(),
                RoundingMode.HALF_UP), amount.currency());
    }

    /**
     * The refund per order tender, in the order of {@code order.payments}: in proportion to what each
     * tender has left to refund, to the cent (largest remainder), never more than that. When the
     * refund is all that is left, every tender gets back exactly its rest.
     */
    private static List<Money> splitOverTenders(EntityManager em, OrderEntity order, Money refund) {
        Currency currency = refund.currency();
        Map<String, BigDecimal> refunded = new HashMap<>();
        // a failed refund gave nothing back; its cash fallback, filed under the same tender, did
        em.createQuery("SELECT r.orderPaymentId, SUM(r.amount) FROM RefundEntity r WHERE r.orderId = :order"
                        + " AND r.status <> :failed GROUP BY r.orderPaymentId", Object[].class)
                .setParameter("order", order.id).setParameter("failed", TenderStatus.FAILED).getResultList()
                .forEach(row -> refunded.put((String) row[0], (BigDecimal) row[1]));
        List<Money> left = new ArrayList<>();
        for (OrderPaymentEntity p : order.payments) {
            Money rest = Money.of(p.amount, currency)
                    .minus(Money.of(refunded.getOrDefault(p.id, BigDecimal.ZERO), currency));
            left.add(p.status == TenderStatus.CAPTURED && rest.isPositive() ? rest : Money.zero(currency));
        }
        Money available = left.stream().reduce(Money.zero(currency), Money::plus);
        if (refund.isGreaterThan(available)) {
            // cannot happen while refunds per line stay within what the lines were paid
            throw OmnitillException.conflict("refund_exceeds_paid", "order " + order.orderNumber + " has only "
                    + available + " left to refund, not " + refund);
        }
        return allocate(refund, left);
    }

    /**
     * Splits {@code amount} over {@code weights} in proportion, to the minor unit, largest remainder
     * first (ties to the earlier weight). Each part is at most its weight when the amount is at most
     * the weights' sum. All zero weights: everything on the first.
     */
    static List<Money> allocate(Money amount, List<Money> weights) {
        Currency currency = amount.currency();
        BigInteger total = BigInteger.valueOf(amount.minorUnits());
        BigInteger sum = weights.stream().map(w -> BigInteger.valueOf(w.minorUnits())).reduce(BigInteger.ZERO,
                BigInteger::add);
        List<Money> parts = new ArrayList<>();
        if (weights.isEmpty()) {
            return parts;
        }
        if (sum.signum() == 0) {
            parts.add(amount);
            for (int i = 1; i < weights.size(); i++) {
                parts.add(Money.zero(currency));
            }
            return parts;
        }
        long[] units = new long[weights.size()];
        BigInteger[] remainders = new BigInteger[weights.size()];
        BigInteger given = BigInteger.ZERO;
        for (int i = 0; i < weights.size(); i++) {
            BigInteger[] qr = total.multiply(BigInteger.valueOf(weights.get(i).minorUnits())).divideAndRemainder(sum);
            units[i] = qr[0].longValueExact();
            remainders[i] = qr[1];
            given = given.add(qr[0]);
        }
        long leftover = total.subtract(given).longValueExact();
        List<Integer> order = new ArrayList<>();
        for (int i = 0; i < weights.size(); i++) {
            order.add(i);
        }
        order.sort(Comparator.comparing((Integer i) -> remainders[i]).reversed().thenComparing(i -> i));
        for (int k = 0; k < leftover; k++) {
            units[order.get(k % order.size())]++;
        }
        for (long u : units) {
            parts.add(Money.ofMinor(u, currency));
        }
        return parts;
    }

    /**
     * The tax refunded per rate of the order. A line taxed at one rate (its stored tax code) refunds
     * at that rate; a taxed line without a single code was taxed at several rates, whose split per
     * line the order does not store, so its tax is spread over the order's rates in proportion to
     * their tax on the order. The net refunded is the taxable amount of every rate the line counts at.
     */
    private static List<OrderReturnTaxEntity> taxesPerRate(OrderEntity order, List<LinePlan> plan,
            OrderReturnEntity ret, Currency currency) {
        Money zero = Money.zero(currency);
        List<OrderTaxEntity> rates = order.taxes;
        Money[] taxable = new Money[rates.size()];
        Money[] tax = new Money[rates.size()];
        boolean[] used = new boolean[rates.size()];
        for (int i = 0; i < rates.size(); i++) {
            taxable[i] = zero;
            tax[i] = zero;
        }
        List<Money> weights = rates.stream().map(t -> Money.of(t.tax, currency)).toList();
        for (LinePlan p : plan) {
            int single = -1;
            for (int i = 0; i < rates.size(); i++) {
                if (rates.get(i).code.equals(p.line().taxCode)) {
                    single = i;
                }
            }
            if (single >= 0) {
                taxable[single] = taxable[single].plus(p.net());
                tax[single] = tax[single].plus(p.tax());
                used[single] = true;
            } else if (!Money.of(p.line().tax, currency).isZero() && !rates.isEmpty()) {
                List<Money> parts = allocate(p.tax(), weights);
                for (int i = 0; i < rates.size(); i++) {
                    if (weights.get(i).isPositive() || parts.get(i).isPositive()) {
                        taxable[i] = taxable[i].plus(p.net());
                        tax[i] = tax[i].plus(parts.get(i));
                        used[i] = true;
                    }
                }
            }
        }
        List<OrderReturnTaxEntity> result = new ArrayList<>();
        for (int i = 0; i < rates.size(); i++) {
            if (!used[i]) {
                continue;
            }
            OrderTaxEntity rate = rates.get(i);
            OrderReturnTaxEntity t = new OrderReturnTaxEntity();
            t.id = UUID.randomUUID().toString();
            t.orderReturn = ret;
            t.position = result.size();
            t.jurisdiction = rate.jurisdiction;
            t.code = rate.code;
            t.name = rate.name;
            t.rate = rate.rate;
            t.taxableAmount = taxable[i].amount();
            t.tax = tax[i].amount();
            t.grossAmount = taxable[i].plus(tax[i]).amount();
            result.add(t);
        }
        return result;
    }

    /**
     * Draws the store's next return number under a row lock, so numbers are gapless and never repeat.
     * The first return at a store creates the sequence; creators are serialised on the store's row
     * so that two first returns cannot both insert it.
     */
    private static long nextNumber(EntityManager em, String storeId) {
        ReturnSequenceEntity seq = em.find(ReturnSequenceEntity.class, storeId, LockModeType.PESSIMISTIC_WRITE);
        if (seq == null) {
            em.find(StoreEntity.class, storeId, LockModeType.PESSIMISTIC_WRITE);
            seq = em.find(ReturnSequenceEntity.class, storeId, LockModeType.PESSIMISTIC_WRITE);
            if (seq == null) {
                seq = new ReturnSequenceEntity();
                seq.storeId = storeId;
                em.persist(seq);
            }
        }
        long number = seq.nextNumber;
        seq.nextNumber = number + 1;
        return number;
    }

    private static OmnitillException orderNotFound(String orderId) {
        return OmnitillException.notFound("order_not_found", "there is no order '" + orderId + "'");
    }

    private static String plain(BigDecimal quantity) {
        return ReturnViews.plain(quantity).toPlainString();
    }
}
