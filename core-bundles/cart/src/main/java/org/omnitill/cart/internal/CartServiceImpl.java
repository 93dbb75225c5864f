package org.omnitill.cart.internal;

import java.math.BigDecimal;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;

import javax.persistence.EntityManager;

import org.omnitill.api.cart.CartService;
import org.omnitill.api.cart.CartStatus;
import org.omnitill.api.cart.CartView;
import org.omnitill.api.cart.LineInput;
import org.omnitill.api.cart.PaymentOutcome;
import org.omnitill.api.catalog.Barcode;
import org.omnitill.api.catalog.CatalogService;
import org.omnitill.api.catalog.ProductView;
import org.omnitill.api.catalog.Quantity;
import org.omnitill.api.catalog.UnitOfMeasure;
import org.omnitill.api.channel.SalesChannel;
import org.omnitill.api.error.OmnitillException;
import org.omnitill.api.money.Money;
import org.omnitill.api.payment.PaymentMethod;
import org.omnitill.api.payment.PaymentRequest;
import org.omnitill.api.payment.PaymentResult;
import org.omnitill.api.payment.TenderStatus;
import org.omnitill.api.store.LocationType;
import org.omnitill.api.store.StoreService;
import org.omnitill.api.store.StoreView;
import org.omnitill.api.tax.TaxRule;
import org.omnitill.persistence.TransactionRunner;
import org.omnitill.persistence.model.CartEntity;
import org.omnitill.persistence.model.CartLineEntity;
import org.omnitill.persistence.model.TenderEntity;
import org.osgi.service.component.annotations.Activate;
import org.osgi.service.component.annotations.Component;
import org.osgi.service.component.annotations.Modified;
import org.osgi.service.component.annotations.Reference;
import org.osgi.service.component.annotations.ReferenceCardinality;
import org.osgi.service.component.annotations.ReferencePolicy;
import org.osgi.service.component.annotations.ReferencePolicyOption;
import org.osgi.service.metatype.annotations.AttributeDefinition;
import org.osgi.service.metatype.annotations.Designate;
import org.osgi.service.metatype.annotations.ObjectClassDefinition;

/**
 * Carts. Payment methods, tax rules and channels are whiteboard plugins: they may appear and
 * disappear between any two calls, and a cart that has no tax rule for its store shows no tax and
 * cannot be paid or checked out until one is installed.
 */
@Component(service = CartService.class, configurationPid = "org.omnitill.cart")
@Designate(ocd = CartServiceImpl.Config.class)
public class CartServiceImpl implements CartService {

    @ObjectClassDefinition(name = "Omnitill carts")
    public @interface Config {
        @AttributeDefinition(name = "Tax rule swap grace (ms)", description = "How long pricing waits for a tax"
                + " rule to return after one left, so that updating a tax bundle fails no sale; 0 disables it")
        long taxRuleSwapGraceMillis() default 3000;
    }

    /** The largest quantity one line may carry; anything above is a typing or scanning mistake. */
    static final BigDecimal MAX_LINE_QUANTITY = new BigDecimal("9999");

    private final TransactionRunner tx;
    private final CatalogService catalog;
    private final StoreService stores;
    private final Clock clock;
    private final PluginServices plugins = new PluginServices();
    private volatile Duration taxRuleSwapGrace = Duration.ofSeconds(3);

    @Activate
    public CartServiceImpl(@Reference TransactionRunner tx, @Reference CatalogService catalog,
            @Reference StoreService stores, Config config) {
        this(tx, catalog, stores, Clock.systemDefaultZone());
        configure(config);
    }

    public CartServiceImpl(TransactionRunner tx, CatalogService catalog, StoreService stores) {
        this(tx, catalog, stores, Clock.systemDefaultZone());
    }

    @Modified
    void configure(Config config) {
        taxRuleSwapGrace = Duration.ofMillis(Math.max(0, config.taxRuleSwapGraceMillis()));
    }

    void setTaxRuleSwapGrace(Duration grace) {
        taxRuleSwapGrace = grace;
    }

    CartServiceImpl(TransactionRunner tx, CatalogService catalog, StoreService stores, Clock clock) {
        this.tx = tx;
        this.catalog = catalog;
        this.stores = stores;
        this.clock = clock;
    }

    @Reference(cardinality = ReferenceCardinality.MULTIPLE, policy = ReferencePolicy.DYNAMIC,
            policyOption = ReferencePolicyOption.GREEDY, unbind = "removePaymentMethod")
    public void addPaymentMethod(PaymentMethod method, Map<String, Object> properties) {
        plugins.addPaymentMethod(method, properties);
    }

    public void removePaymentMethod(PaymentMethod method) {
        plugins.removePaymentMethod(method);
    }

    @Reference(cardinality = ReferenceCardinality.MULTIPLE, policy = ReferencePolicy.DYNAMIC,
            policyOption = ReferencePolicyOption.GREEDY, unbind = "removeTaxRule")
    public void addTaxRule(TaxRule rule, Map<String, Object> properties) {
        plugins.addTaxRule(rule, properties);
    }

    public void removeTaxRule(TaxRule rule) {
        plugins.removeTaxRule(rule);
    }

    @Reference(cardinality = ReferenceCardinality.MULTIPLE, policy = ReferencePolicy.DYNAMIC,
            policyOption = ReferencePolicyOption.GREEDY, unbind = "removeChannel")
    public void addChannel(SalesChannel channel, Map<String, Object> properties) {
        plugins.addChannel(channel, properties);
    }

    public void removeChannel(SalesChannel channel) {
        plugins.removeChannel(channel);
    }

    @Override
    public CartView create(String storeId, String channelId, String registerId, String openedBy) {
        if (storeId == null || storeId.isBlank()) {
            throw OmnitillException.invalid("store_required", "a cart needs a store");
        }
        if (channelId == null || channelId.isBlank()) {
            throw OmnitillException.invalid("channel_required", "a cart needs a channel, e.g. 'register'");
        }
        StoreView store = stores.store(storeId).orElseThrow(() -> OmnitillException.unprocessable(
                "store_not_found", "there is no store '" + storeId + "'"));
        SalesChannel channel = plugins.channel(channelId).orElseThrow(() -> OmnitillException.unprocessable(
                "channel_unavailable", "the sales channel '" + channelId + "' is not installed"));
        if (store.type() != LocationType.STORE || !channel.sellsAt(store)) {
            throw OmnitillException.unprocessable("channel_not_allowed",
                    "the channel '" + channelId + "' does not sell at '" + storeId + "'");
        }
        return tx.required(em -> {
            Instant now = clock.instant();
            CartEntity cart = new CartEntity();
            cart.id = UUID.randomUUID().toString();
            cart.storeId = store.id();
            cart.channel = channelId;
            cart.registerId = registerId == null || registerId.isBlank() ? null : registerId.trim();
            cart.status = CartStatus.OPEN;
            cart.currency = store.currency().getCurrencyCode();
            cart.pricesIncludeTax = store.pricesIncludeTax();
            cart.openedBy = openedBy;
            cart.createdAt = now;
            cart.updatedAt = now;
            em.persist(cart);
            return view(cart, store);
        });
    }

    @Override
    public CartView cart(String cartId) {
        return tx.required(em -> {
            CartEntity cart = find(em, cartId);
            return view(cart, store(cart));
        });
    }

    @Override
    public CartView addLine(String cartId, LineInput input) {
        if (input == null) {
            throw OmnitillException.invalid("invalid_line", "a line needs a sku or a barcode, and a quantity");
        }
        boolean bySku = input.sku() != null && !input.sku().isBlank();
        boolean byBarcode = input.barcode() != null && !input.barcode().isBlank();
        if (bySku == byBarcode) {
            throw OmnitillException.invalid("invalid_line", "give either a sku or a barcode, not both or neither");
        }
        String barcodeDigits = null;
        ProductView product;
        if (byBarcode) {
            Barcode barcode;
            try {
                barcode = Barcode.parse(input.barcode());
            } catch (IllegalArgumentException e) {
                throw OmnitillException.invalid("invalid_barcode", e.getMessage());
            }
            barcodeDigits = barcode.digits();
            product = catalog.productByBarcode(barcode).orElseThrow(() -> OmnitillException.notFound(
                    "product_not_found", "no article has the barcode " + barcode));
        } else {
            product = catalog.product(input.sku().trim()).orElseThrow(() -> OmnitillException.notFound(
                    "product_not_found", "there is no article with sku '" + input.sku() + "'"));
        }
        Quantity quantity = quantity(input.quantity(), product.unit());
        String scanned = barcodeDigits;
        return tx.required(em -> {
            CartEntity cart = findOpen(em, cartId);
            requireNoPayments(cart);
            StoreView store = store(cart);
            Money price = catalog.price(product.sku(), cart.storeId).orElseThrow(() -> OmnitillException.unprocessable(
                    "not_sold_here", product.sku() + " has no price in store " + cart.storeId));
            if (!price.currencyCode().equals(cart.currency)) {
                throw OmnitillException.unprocessable("currency_mismatch",
                        product.sku() + " is priced in " + price.currencyCode() + ", the cart is in " + cart.currency);
            }
            Optional<CartLineEntity> same = cart.lines.stream()
                    .filter(l -> l.sku.equals(product.sku()) && l.unitPrice.compareTo(price.amount()) == 0)
                    .findFirst();
            if (same.isPresent()) {
                CartLineEntity line = same.get();
                line.quantity = checkedTotal(line.quantity.add(quantity.value()));
            } else {
                CartLineEntity line = new CartLineEntity();
                line.id = UUID.randomUUID().toString();
                line.cart = cart;
                line.lineNo = cart.lines.stream().mapToInt(l -> l.lineNo).max().orElse(0) + 1;
                line.sku = product.sku();
                line.name = product.name();
                line.barcode = scanned;
                line.quantity = quantity.value();
                line.unit = product.unit();
                line.unitPrice = price.amount();
                line.taxCategory = product.taxCategory();
                cart.lines.add(line);
                em.persist(line);
            }
            return touchAndView(em, cart, store);
        });
    }

    @Override
    public CartView changeLine(String cartId, String lineId, BigDecimal newQuantity) {
        return tx.required(em -> {
            CartEntity cart = findOpen(em, cartId);
            requireNoPayments(cart);
            CartLineEntity line = line(cart, lineId);
            line.quantity = quantity(newQuantity, line.unit).value();
            return touchAndView(em, cart, store(cart));
        });
    }

    @Override
    public CartView removeLine(String cartId, String lineId) {
        return tx.required(em -> {
            CartEntity cart = findOpen(em, cartId);
            requireNoPayments(cart);
            CartLineEntity line = line(cart, lineId);
            cart.lines.remove(line);
            em.remove(line);
            return touchAndView(em, cart, store(cart));
        });
    }

    @Override
    public PaymentOutcome pay(String cartId, String methodId, Money tendered) {
        if (methodId == null || methodId.isBlank()) {
            throw OmnitillException.invalid("method_required", "a payment needs a method, e.g. 'cash'");
        }
        if (tendered == null || !tendered.isPositive()) {
            throw OmnitillException.invalid("invalid_amount", "a payment needs a positive amount");
        }
        PaymentMethod method = plugins.paymentMethod(methodId).orElseThrow(() -> OmnitillException.unprocessable(
                "payment_method_unavailable", "the payment method '" + methodId + "' is not installed"));
        return tx.required(em -> {
            CartEntity cart = findOpen(em, cartId);
            if (!tendered.currencyCode().equals(cart.currency)) {
                throw OmnitillException.unprocessable("currency_mismatch",
                        "the cart is in " + cart.currency + ", the payment in " + tendered.currencyCode());
            }
            StoreView store = store(cart);
            CartView before = view(cart, store);
            if (before.lines().isEmpty()) {
                throw OmnitillException.unprocessable("cart_empty", "there is nothing to pay for");
            }
            requireTax(before);
            if (!before.due().isPositive()) {
                throw OmnitillException.conflict("cart_already_paid", "the cart is paid in full");
            }
            if (tendered.isGreaterThan(before.due()) && !method.givesChange()) {
                throw OmnitillException.unprocessable("overpayment",
                        methodId + " cannot pay more than is due (" + before.due() + ")");
            }
            String tenderId = UUID.randomUUID().toString();
            PaymentResult result = method.pay(new PaymentRequest(tenderId, cart.id, cart.storeId, store.country(),
                    before.due(), tendered));
            if (result.status() == TenderStatus.FAILED) {
                throw OmnitillException.unprocessable("payment_declined",
                        result.message() == null ? "the payment was declined" : result.message());
            }
            requireConsistent(result, tendered, before.due());
            TenderEntity tender = new TenderEntity();
            tender.id = tenderId;
            tender.cart = cart;
            tender.method = methodId;
            tender.status = result.status();
            tender.amount = result.applied().amount();
            tender.tendered = tendered.amount();
            tender.changeGiven = result.change().amount();
            tender.rounding = result.rounding().amount();
            tender.reference = result.reference();
            tender.message = result.message();
            tender.createdAt = clock.instant();
            cart.tenders.add(tender);
            em.persist(tender);
            CartView after = touchAndView(em, cart, store);
            return new PaymentOutcome(CartPricer.tenderView(tender, store.currency()), after);
        });
    }

    /** A payment plugin's answer must add up: what it settled, rounded and gave back is what was tendered. */
    private static void requireConsistent(PaymentResult result, Money tendered, Money due) {
        boolean sameCurrency = result.applied().isSameCurrency(tendered) && result.change().isSameCurrency(tendered)
                && result.rounding().isSameCurrency(tendered);
        if (!sameCurrency || result.applied().isNegative() || result.change().isNegative()
                || result.applied().isGreaterThan(due)
                || (result.status() == TenderStatus.CAPTURED
                        && !result.applied().plus(result.rounding()).plus(result.change()).equals(tendered))) {
            throw OmnitillException.unavailable("payment_method_failed",
                    "the payment method gave an inconsistent answer; nothing was charged to the cart");
        }
    }

    static void requireTax(CartView cart) {
        if (!cart.taxAvailable()) {
            throw OmnitillException.unprocessable("tax_rule_unavailable",
                    "no tax rule is installed for store " + cart.storeId() + "; install its tax plugin");
        }
    }

    private static void requireNoPayments(CartEntity cart) {
        if (cart.tenders.stream().anyMatch(t -> t.status == TenderStatus.CAPTURED)) {
            throw OmnitillException.conflict("cart_has_payments",
                    "the cart has payments; lines can no longer change");
        }
    }

    private static Quantity quantity(BigDecimal value, UnitOfMeasure unit) {
        if (value == null) {
            throw OmnitillException.invalid("invalid_quantity", "a quantity is required");
        }
        Quantity quantity;
        try {
            quantity = Quantity.of(value, unit);
        } catch (IllegalArgumentException e) {
            throw OmnitillException.invalid("invalid_quantity", e.getMessage());
        }
        if (!quantity.isPositive()) {
            throw OmnitillException.invalid("invalid_quantity", "the quantity must be more than zero");
        }
        checkedTotal(quantity.value());
        return quantity;
    }

    private static BigDecimal checkedTotal(BigDecimal quantity) {
        if (quantity.compareTo(MAX_LINE_QUANTITY) > 0) {
            throw OmnitillException.invalid("invalid_quantity",
                    "a line may carry at most " + MAX_LINE_QUANTITY.toPlainString() + "; got " + quantity.toPlainString());
        }
        return quantity;
    }

    private static CartLineEntity line(CartEntity cart, String lineId) {
        return cart.lines.stream().filter(l -> l.id.equals(lineId)).findFirst().orElseThrow(
                () -> OmnitillException.notFound("line_not_found", "the cart has no line '" + lineId + "'"));
    }

    static CartEntity find(EntityManager em, String cartId) {
        CartEntity cart = cartId == null ? null : em.find(CartEntity.class, cartId);
        if (cart == null) {
            throw OmnitillException.notFound("cart_not_found", "there is no cart '" + cartId + "'");
        }
        return cart;
    }

    private static CartEntity findOpen(EntityManager em, String cartId) {
        CartEntity cart = find(em, cartId);
        if (cart.status != CartStatus.OPEN) {
            throw OmnitillException.conflict("cart_closed", "the cart is checked out and can no longer change");
        }
        return cart;
    }

    private StoreView store(CartEntity cart) {
        return stores.store(cart.storeId).orElseThrow(() -> OmnitillException.unavailable("store_not_found",
                "the cart's store '" + cart.storeId + "' no longer exists"));
    }

    /** Bumps the cart's version so that concurrent changes of one cart fail instead of mixing. */
    private CartView touchAndView(EntityManager em, CartEntity cart, StoreView store) {
        cart.updatedAt = clock.instant();
        CartView view = view(cart, store);
        em.lock(cart, javax.persistence.LockModeType.OPTIMISTIC_FORCE_INCREMENT);
        em.flush();
        return view;
    }

    private CartView view(CartEntity cart, StoreView store) {
        TaxRule rule = plugins.taxRule(CartPricer.addressOf(store), taxRuleSwapGrace).orElse(null);
        return CartPricer.price(cart, store, rule, LocalDate.now(clock));
    }
}
