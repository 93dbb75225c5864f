package org.omnitill.cart.internal;

import java.math.BigDecimal;
import java.time.Clock;
import java.time.ZoneId;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.util.Currency;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.UUID;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;

import javax.persistence.EntityManager;

import org.omnitill.api.cart.CartService;
import org.omnitill.api.cart.CartStatus;
import org.omnitill.api.cart.CartView;
import org.omnitill.api.cart.LineDiscount;
import org.omnitill.api.cart.LineInput;
import org.omnitill.api.cart.PaymentOptions;
import org.omnitill.api.cart.PaymentOutcome;
import org.omnitill.api.catalog.Barcode;
import org.omnitill.api.catalog.CatalogService;
import org.omnitill.api.catalog.PriceView;
import org.omnitill.api.catalog.ProductView;
import org.omnitill.api.catalog.Quantity;
import org.omnitill.api.catalog.UnitOfMeasure;
import org.omnitill.api.channel.ChannelType;
import org.omnitill.api.channel.SalesChannel;
import org.omnitill.api.error.OmnitillException;
import org.omnitill.api.money.Money;
import org.omnitill.api.payment.PaymentMethod;
import org.omnitill.api.payment.PaymentReference;
import org.omnitill.api.payment.PaymentRequest;
import org.omnitill.api.payment.PaymentResult;
import org.omnitill.api.payment.TenderStatus;
import org.omnitill.api.store.LocationType;
import org.omnitill.api.store.StoreService;
import org.omnitill.api.store.StoreView;
import org.omnitill.api.tax.TaxAddress;
import org.omnitill.api.tax.TaxRule;
import org.omnitill.persistence.StoredTime;
import org.omnitill.persistence.TransactionRunner;
import org.omnitill.persistence.model.CartEntity;
import org.omnitill.persistence.model.CartLineEntity;
import org.omnitill.persistence.model.TenderEntity;
import org.osgi.service.component.annotations.Activate;
import org.osgi.service.component.annotations.Component;
import org.osgi.service.component.annotations.Deactivate;
import org.osgi.service.component.annotations.Modified;
import org.osgi.service.component.annotations.Reference;
import org.osgi.service.component.annotations.ReferenceCardinality;
import org.osgi.service.component.annotations.ReferencePolicy;
import org.osgi.service.component.annotations.ReferencePolicyOption;
import org.osgi.service.metatype.annotations.AttributeDefinition;
import org.osgi.service.metatype.annotations.Designate;
import org.osgi.service.metatype.annotations.ObjectClassDefinition;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Carts. Payment methods, tax rules and channels are whiteboard plugins: they may appear and
 * disappear between any two calls, and a cart that has no tax rule for its store shows no tax and
 * cannot be paid or checked out until one is installed.
 *
 * <p>Which tax rule taxes a store: the one configured for it in {@code storeTaxRules} (PID
 * {@code org.omnitill.cart}), else the highest-ranked installed rule that covers the taxed address
 * (the ship-to destination, or the store). A configured rule is never replaced by another: while it
 * is not installed the store's carts are untaxed and cannot be paid or checked out.
 */
@Component(service = CartService.class, configurationPid = "org.omnitill.cart")
@Designate(ocd = CartServiceImpl.Config.class)
public class CartServiceImpl implements CartService {

    @ObjectClassDefinition(name = "Omnitill carts")
    public @interface Config {
        @AttributeDefinition(name = "Tax rule swap grace (ms)", description = "How long pricing waits for a tax"
                + " rule to return after one left, so that updating a tax bundle fails no sale; 0 disables it")
        long taxRuleSwapGraceMillis() default 3000;

        @AttributeDefinition(name = "Tax rule per store", description = "Which tax rule plugin taxes a store, as"
                + " storeId=pluginId (the rule's omnitill.plugin.id), e.g. berlin-mitte=eu-vat or"
                + " seattle-downtown=us-sales-tax (several may share one value, comma-separated); *=pluginId"
                + " applies to every store without an entry of its own."
                + " Stores without an entry are taxed by the highest-ranked rule that covers them. A store's"
                + " configured rule is never replaced by another: while it is not installed, the store cannot sell.")
        String[] storeTaxRules() default {};
    }

    private static final Logger LOG = LoggerFactory.getLogger(CartServiceImpl.class);

    /** The longest reason an adjustment may give. */
    static final int MAX_REASON_LENGTH = 255;
    /** The longest tax exemption certificate number. */
    static final int MAX_CERTIFICATE_LENGTH = 128;
    /** Above any real unit price; keeps unit price times the largest quantity within the stored precision. */
    static final BigDecimal MAX_UNIT_PRICE = new BigDecimal("100000000000");
    private static final BigDecimal HUNDRED = BigDecimal.valueOf(100);
    private static final Set<String> COUNTRIES = Set.of(Locale.getISOCountries());

    /** The largest quantity one line may carry; anything above is a typing or scanning mistake. */
    static final BigDecimal MAX_LINE_QUANTITY = new BigDecimal("9999");

    private final TransactionRunner tx;
    private final CatalogService catalog;
    private final StoreService stores;
    private final Clock clock;
    private final PluginServices plugins = new PluginServices();
    private volatile Duration taxRuleSwapGrace = Duration.ofSeconds(3);
    private volatile StoreTaxRules storeTaxRules = StoreTaxRules.NONE;

    @Activate
    public CartServiceImpl(@Reference TransactionRunner tx, @Reference CatalogService catalog,
            @Reference StoreService stores, Config config) {
        this(tx, catalog, stores, StoredTime.clock(ZoneId.systemDefault()));
        configure(config);
        // payments whose outcome was unknown when the node stopped (or a provider timed out) are asked
        // about shortly after start and then every half minute, until the providers answer
        pendingResolver = Executors.newSingleThreadScheduledExecutor(r -> {
            Thread thread = new Thread(r, "omnitill-pending-payments");
            thread.setDaemon(true);
            return thread;
        });
        pendingResolver.scheduleWithFixedDelay(this::resolveAllPending, 5, 30, TimeUnit.SECONDS);
    }

    private ScheduledExecutorService pendingResolver;

    @Deactivate
    void deactivate() {
        if (pendingResolver != null) {
            pendingResolver.shutdownNow();
        }
    }

    private void resolveAllPending() {
        try {
            resolvePending(null);
        } catch (RuntimeException e) {
            LOG.warn("could not look for pending payments: {}", e.toString());
        }
    }

    public CartServiceImpl(TransactionRunner tx, CatalogService catalog, StoreService stores) {
        this(tx, catalog, stores, StoredTime.clock(ZoneId.systemDefault()));
    }

    /** Applies a configuration; public so that tests of other core bundles can configure a cart service. */
    @Modified
    public void configure(Config config) {
        taxRuleSwapGrace = Duration.ofMillis(Math.max(0, config.taxRuleSwapGraceMillis()));
        StoreTaxRules rules = StoreTaxRules.parse(config.storeTaxRules());
        rules.problems().forEach(problem -> LOG.error("org.omnitill.cart storeTaxRules: {}", problem));
        storeTaxRules = rules;
    }

    void setStoreTaxRules(String... entries) {
        storeTaxRules = StoreTaxRules.parse(entries);
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
        CartView cart = tx.required(em -> {
            CartEntity found = find(em, cartId);
            return view(found, store(found));
        });
        if (cart.payments().stream().noneMatch(t -> t.status() == TenderStatus.PENDING)) {
            return cart;
        }
        resolvePending(cartId);
        return tx.required(em -> {
            CartEntity found = find(em, cartId);
            return view(found, store(found));
        });
    }

    /**
     * {@inheritDoc}
     *
     * <p>The line's tax category is the article's category in the store's country
     * ({@link ProductView#taxCategoryIn(String)}: the country's override, else the default), taken
     * when the line is added. A cart shipped to another country still carries the store country's
     * codes: codes belong to the tax rule of the store's jurisdiction, and within the EU, where the
     * destination's VAT applies to distance sales (OSS), the EU VAT rule shares one set of codes among
     * all member states and applies the destination's rate for them.
     */
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
            // the article's view carries its prices already; asking the catalog again is a query per scan
            Money price = product.prices().stream().filter(p -> cart.storeId.equals(p.storeId()))
                    .map(PriceView::price).findFirst()
                    .or(() -> catalog.price(product.sku(), cart.storeId))
                    .orElseThrow(() -> OmnitillException.unprocessable(
                    "not_sold_here", product.sku() + " has no price in store " + cart.storeId));
            if (!price.currencyCode().equals(cart.currency)) {
                throw OmnitillException.unprocessable("currency_mismatch",
                        product.sku() + " is priced in " + price.currencyCode() + ", the cart is in " + cart.currency);
            }
            Optional<CartLineEntity> same = cart.lines.stream()
                    .filter(l -> l.sku.equals(product.sku()) && l.unitPrice.compareTo(price.amount()) == 0
                            && !adjusted(l))
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
                line.regularUnitPrice = price.amount();
                line.taxCategory = product.taxCategoryIn(store.country());
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
            rediscount(line, Money.currency(cart.currency));
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
    public CartView overrideLinePrice(String cartId, String lineId, Money unitPrice, String reason) {
        if (unitPrice == null) {
            throw OmnitillException.invalid("invalid_price", "a price override needs the new unit price");
        }
        if (unitPrice.isNegative() || unitPrice.amount().compareTo(MAX_UNIT_PRICE) >= 0) {
            throw OmnitillException.invalid("invalid_price", "a unit price must be zero or more and below "
                    + MAX_UNIT_PRICE.toPlainString() + "; got " + unitPrice);
        }
        String why = reason(reason);
        return tx.required(em -> {
            CartEntity cart = findOpen(em, cartId);
            requireNoPayments(cart);
            CartLineEntity line = line(cart, lineId);
            requireCartCurrency(cart, unitPrice, "the price");
            Currency currency = Money.currency(cart.currency);
            Money regular = CartPricer.regularUnitPrice(line, currency);
            line.regularUnitPrice = regular.amount();
            line.unitPrice = unitPrice.amount();
            line.priceOverrideReason = unitPrice.equals(regular) ? null : why;
            rediscount(line, currency);
            return touchAndView(em, cart, store(cart));
        });
    }

    @Override
    public CartView discountLine(String cartId, String lineId, LineDiscount discount) {
        if (discount == null || (discount.percent() == null) == (discount.amount() == null)) {
            throw OmnitillException.invalid("invalid_discount", "give a discount as either a percent or an amount");
        }
        BigDecimal percent = discount.percent();
        if (percent != null && (percent.signum() <= 0 || percent.compareTo(HUNDRED) > 0
                || percent.stripTrailingZeros().scale() > 2)) {
            throw OmnitillException.invalid("invalid_discount",
                    "a discount percent is more than 0, at most 100, with at most two decimals; got "
                            + percent.toPlainString());
        }
        if (discount.amount() != null && !discount.amount().isPositive()) {
            throw OmnitillException.invalid("invalid_discount", "a discount amount must be positive; got "
                    + discount.amount());
        }
        String why = reason(discount.reason());
        return tx.required(em -> {
            CartEntity cart = findOpen(em, cartId);
            requireNoPayments(cart);
            CartLineEntity line = line(cart, lineId);
            if (discount.amount() != null) {
                requireCartCurrency(cart, discount.amount(), "the discount");
            }
            Money lineTotal = CartPricer.undiscountedTotal(line, Money.currency(cart.currency));
            Money off = discount.amountOf(lineTotal);
            if (off.isGreaterThan(lineTotal)) {
                throw OmnitillException.unprocessable("discount_exceeds_line",
                        "a discount of " + off + " is more than the line total of " + lineTotal);
            }
            line.discountAmount = off.amount();
            line.discountPercent = percent == null ? null : CartPricer.percent(percent);
            line.discountReason = why;
            return touchAndView(em, cart, store(cart));
        });
    }

    @Override
    public CartView removeLineDiscount(String cartId, String lineId) {
        return tx.required(em -> {
            CartEntity cart = findOpen(em, cartId);
            requireNoPayments(cart);
            CartLineEntity line = line(cart, lineId);
            line.discountAmount = null;
            line.discountPercent = null;
            line.discountReason = null;
            return touchAndView(em, cart, store(cart));
        });
    }

    @Override
    public CartView setTaxExemption(String cartId, String certificate) {
        String number = certificate == null || certificate.isBlank() ? null : certificate.strip();
        if (number != null && (number.length() > MAX_CERTIFICATE_LENGTH || number.chars().anyMatch(Character::isISOControl))) {
            throw OmnitillException.invalid("invalid_certificate", "a tax exemption certificate has at most "
                    + MAX_CERTIFICATE_LENGTH + " printable characters");
        }
        return tx.required(em -> {
            CartEntity cart = findOpen(em, cartId);
            requireNoPayments(cart);
            cart.taxExemptionCertificate = number;
            return touchAndView(em, cart, store(cart));
        });
    }

    @Override
    public CartView setShipTo(String cartId, TaxAddress destination) {
        TaxAddress address = destination == null ? null : address(destination);
        return tx.required(em -> {
            CartEntity cart = findOpen(em, cartId);
            requireNoPayments(cart);
            if (address != null) {
                SalesChannel channel = plugins.channel(cart.channel).orElseThrow(() -> OmnitillException.unprocessable(
                        "channel_unavailable", "the sales channel '" + cart.channel + "' is not installed"));
                if (channel.type() == ChannelType.STORE) {
                    throw OmnitillException.unprocessable("ship_to_not_allowed", "carts of the channel '"
                            + cart.channel + "' are sold over the counter and taxed at the store; they do not ship");
                }
            }
            cart.shipToCountry = address == null ? null : address.country();
            cart.shipToRegion = address == null ? null : address.region();
            cart.shipToPostalCode = address == null ? null : address.postalCode();
            cart.shipToCity = address == null ? null : address.city();
            StoreView store = store(cart);
            TaxChoice tax = taxRule(cart, store);
            if (address != null && tax.rule() == null && tax.pluginId() == null) {
                throw OmnitillException.unprocessable("tax_jurisdiction_not_covered",
                        "no installed tax rule covers " + describe(address) + "; the cart cannot ship there");
            }
            return touchAndView(em, cart, store, tax);
        });
    }

    @Override
    public PaymentOutcome pay(String cartId, String methodId, Money tendered) {
        return pay(cartId, methodId, tendered, PaymentOptions.NONE);
    }

    /**
     * Three steps, so that no provider is ever called inside a database transaction: record the tender
     * as {@code PENDING} (or find the earlier attempt with the same key), ask the provider, settle the
     * tender with its answer. A definite refusal (decline, bad input) removes the pending tender again,
     * so a failed payment changes nothing; an unknown outcome (the provider threw or timed out) leaves
     * it {@code PENDING} until {@link #resolvePending} hears from the provider. A method that
     * {@linkplain PaymentMethod#settlesInProcess() settles in process} (cash) takes one step instead.
     */
    @Override
    public PaymentOutcome pay(String cartId, String methodId, Money tendered, PaymentOptions options) {
        if (methodId == null || methodId.isBlank()) {
            throw OmnitillException.invalid("method_required", "a payment needs a method, e.g. 'cash'");
        }
        if (tendered == null || !tendered.isPositive()) {
            throw OmnitillException.invalid("invalid_amount", "a payment needs a positive amount");
        }
        PaymentOptions opts = options == null ? PaymentOptions.NONE : options;
        PaymentMethod method = plugins.paymentMethod(methodId).orElseThrow(() -> OmnitillException.unprocessable(
                "payment_method_unavailable", "the payment method '" + methodId + "' is not installed"));
        String paymentId = Tenders.paymentId(cartId, opts.paymentKey());
        // without a key the payment id is random: there is no earlier attempt to look for
        boolean keyed = opts.paymentKey() != null && !opts.paymentKey().isBlank();
        if (method.settlesInProcess()) {
            return payInProcess(cartId, methodId, method, tendered, opts, paymentId, keyed);
        }
        PaymentRequest request = tx.required(em -> {
            if (keyed && alreadyRecorded(em, paymentId, cartId, methodId, tendered)) {
                return null;
            }
            Payable payable = payable(em, cartId, methodId, method, tendered);
            CartEntity cart = payable.cart();
            TenderEntity tender = Tenders.pending(paymentId, cart, methodId, tendered, opts.data(), clock.instant());
            Tenders.due(tender, payable.before().due());
            cart.tenders.add(tender);
            em.persist(tender);
            touchAndView(em, cart, payable.store());
            return payable.request(paymentId, tendered, opts);
        });
        if (request == null) {
            resolvePending(cartId);
            return outcome(cartId, paymentId);
        }
        PaymentResult result;
        try {
            result = method.pay(request);
        } catch (OmnitillException refused) {
            tx.required(em -> Tenders.forget(em, paymentId));
            throw refused;
        } catch (RuntimeException unknown) {
            LOG.warn("payment {} with {}: no answer from the provider ({}); it stays pending", paymentId, methodId,
                    unknown.getClass().getSimpleName());
            result = PaymentResult.pending(Money.zero(tendered.currency()), null, "no answer from the provider");
        }
        PaymentResult answer = result;
        if (answer.status() == TenderStatus.FAILED) {
            tx.required(em -> Tenders.forget(em, paymentId));
            throw OmnitillException.unprocessable("payment_declined",
                    answer.message() == null ? "the payment was declined" : answer.message());
        }
        if (answer.status() != TenderStatus.PENDING) {
            try {
                requireConsistent(answer, tendered, request.due());
            } catch (OmnitillException inconsistent) {
                LOG.error("payment {}: {} answered {} for {} tendered against {} due; refused", paymentId, methodId,
                        answer.applied(), tendered, request.due());
                tx.required(em -> Tenders.forget(em, paymentId));
                throw inconsistent;
            }
        }
        return tx.required(em -> {
            TenderEntity tender = em.find(TenderEntity.class, paymentId, javax.persistence.LockModeType.PESSIMISTIC_WRITE);
            Tenders.settle(tender, answer, clock.instant());
            CartView after = touchAndView(em, tender.cart, store(tender.cart));
            return new PaymentOutcome(CartPricer.tenderView(tender, tendered.currency()), after);
        });
    }

    /**
     * A method that decides in this process (cash) is asked inside the transaction that checks the cart,
     * and its tender is written already settled: one transaction instead of three, and nothing left to
     * resolve after a crash, since nothing outside the database took part. A refusal or a failure of the
     * method rolls the transaction back, so it leaves no trace.
     */
    private PaymentOutcome payInProcess(String cartId, String methodId, PaymentMethod method, Money tendered,
            PaymentOptions opts, String paymentId, boolean keyed) {
        PaymentOutcome paid = tx.required(em -> {
            if (keyed && alreadyRecorded(em, paymentId, cartId, methodId, tendered)) {
                return null;
            }
            Payable payable = payable(em, cartId, methodId, method, tendered);
            CartEntity cart = payable.cart();
            Money due = payable.before().due();
            PaymentResult answer;
            try {
                answer = method.pay(payable.request(paymentId, tendered, opts));
            } catch (OmnitillException refused) {
                throw refused;
            } catch (RuntimeException failure) {
                LOG.error("payment {} with {} failed in the payment method; nothing was recorded", paymentId,
                        methodId, failure);
                throw OmnitillException.unavailable("payment_method_failed",
                        "the payment method '" + methodId + "' failed; nothing was charged to the cart");
            }
            if (answer.status() == TenderStatus.FAILED) {
                throw OmnitillException.unprocessable("payment_declined",
                        answer.message() == null ? "the payment was declined" : answer.message());
            }
            TenderEntity tender = Tenders.pending(paymentId, cart, methodId, tendered, opts.data(), clock.instant());
            Tenders.due(tender, due);
            if (answer.status() != TenderStatus.PENDING) {
                try {
                    requireConsistent(answer, tendered, due);
                } catch (OmnitillException inconsistent) {
                    LOG.error("payment {}: {} answered {} for {} tendered against {} due; refused", paymentId,
                            methodId, answer.applied(), tendered, due);
                    throw inconsistent;
                }
                Tenders.settle(tender, answer, clock.instant());
            }
            cart.tenders.add(tender);
            em.persist(tender);
            CartView after = touchAndView(em, cart, payable.store());
            return new PaymentOutcome(CartPricer.tenderView(tender, tendered.currency()), after);
        });
        if (paid == null) {
            resolvePending(cartId);
            return outcome(cartId, paymentId);
        }
        return paid;
    }

    /** A cart locked for a payment, its store and its state before the payment. */
    private record Payable(CartEntity cart, StoreView store, CartView before) {

        PaymentRequest request(String paymentId, Money tendered, PaymentOptions opts) {
            return new PaymentRequest(paymentId, cart.id, cart.storeId, store.country(), before.due(), tendered,
                    cart.registerId, opts.data());
        }
    }

    /** Locks the cart and checks that it can take this payment. */
    private Payable payable(EntityManager em, String cartId, String methodId, PaymentMethod method, Money tendered) {
        // read and locked in one statement (SELECT ... FOR UPDATE), not read and then locked
        CartEntity cart = open(cartId == null ? null
                : em.find(CartEntity.class, cartId, javax.persistence.LockModeType.PESSIMISTIC_WRITE), cartId);
        if (!tendered.currencyCode().equals(cart.currency)) {
            throw OmnitillException.unprocessable("currency_mismatch",
                    "the cart is in " + cart.currency + ", the payment in " + tendered.currencyCode());
        }
        if (cart.tenders.stream().anyMatch(t -> t.status == TenderStatus.PENDING)) {
            throw OmnitillException.conflict("payment_pending", "a payment of this cart is still pending; "
                    + "its outcome is asked for again when the cart is read");
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
        return new Payable(cart, store, before);
    }

    /**
     * Whether a payment was already recorded under this key; it must then be the same payment
     * ({@code idempotency_key_reused} otherwise).
     */
    private static boolean alreadyRecorded(EntityManager em, String paymentId, String cartId, String methodId,
            Money tendered) {
        TenderEntity earlier = em.find(TenderEntity.class, paymentId);
        if (earlier == null) {
            return false;
        }
        if (!earlier.cart.id.equals(cartId) || !earlier.method.equals(methodId)
                || earlier.tendered.compareTo(tendered.amount()) != 0) {
            throw OmnitillException.conflict("idempotency_key_reused",
                    "this Idempotency-Key was used for a different payment");
        }
        return true;
    }

    private PaymentOutcome outcome(String cartId, String paymentId) {
        return tx.required(em -> {
            TenderEntity tender = em.find(TenderEntity.class, paymentId);
            CartEntity cart = find(em, cartId);
            StoreView store = store(cart);
            return new PaymentOutcome(CartPricer.tenderView(tender, store.currency()), view(cart, store));
        });
    }

    @Override
    public CartView voidPayment(String cartId, String tenderId) {
        PaymentReference reference = tx.required(em -> {
            CartEntity cart = findOpen(em, cartId);
            TenderEntity tender = cart.tenders.stream().filter(t -> t.id.equals(tenderId)).findFirst()
                    .orElseThrow(() -> OmnitillException.notFound("tender_not_found",
                            "cart '" + cartId + "' has no payment '" + tenderId + "'"));
            if (tender.status == TenderStatus.VOIDED) {
                return null;
            }
            if (tender.status != TenderStatus.CAPTURED && tender.status != TenderStatus.AUTHORIZED
                    && tender.status != TenderStatus.PENDING) {
                throw OmnitillException.conflict("tender_not_voidable", "a " + tender.status + " payment cannot be voided");
            }
            return Tenders.reference(tender, cart);
        });
        if (reference != null) {
            String methodId = tx.required(em -> em.find(TenderEntity.class, tenderId).method);
            PaymentMethod method = plugins.paymentMethod(methodId).orElseThrow(() -> OmnitillException.unprocessable(
                    "payment_method_unavailable", "the payment method '" + methodId + "' is not installed; "
                            + "the payment cannot be voided until it is back"));
            PaymentResult result;
            try {
                result = method.cancel(reference);
            } catch (UnsupportedOperationException e) {
                throw OmnitillException.unprocessable("void_not_supported", methodId + " cannot void payments");
            }
            if (result.status() != TenderStatus.VOIDED) {
                throw OmnitillException.unprocessable("void_failed", result.message() == null
                        ? "the provider did not void the payment" : result.message());
            }
            tx.required(em -> {
                TenderEntity tender = em.find(TenderEntity.class, tenderId, javax.persistence.LockModeType.PESSIMISTIC_WRITE);
                tender.status = TenderStatus.VOIDED;
                tender.updatedAt = clock.instant();
                return null;
            });
        }
        return tx.required(em -> {
            CartEntity cart = find(em, cartId);
            return touchAndView(em, cart, store(cart));
        });
    }

    /**
     * Asks the providers about the cart's pending payments (all carts' when {@code cartId} is null), and
     * settles those they answer for. Never throws: a provider that still cannot say leaves it pending.
     */
    void resolvePending(String cartId) {
        List<PaymentReference> pending = tx.required(em -> Tenders.pendingReferences(em, cartId));
        for (PaymentReference reference : pending) {
            String methodId = tx.required(em -> em.find(TenderEntity.class, reference.paymentId()).method);
            Optional<PaymentMethod> method = plugins.paymentMethod(methodId);
            if (method.isEmpty()) {
                continue; // asked again once the plugin is back
            }
            try {
                PaymentResult answer = method.get().status(reference);
                if (answer.status() == TenderStatus.PENDING) {
                    continue;
                }
                tx.required(em -> {
                    TenderEntity tender = em.find(TenderEntity.class, reference.paymentId(),
                            javax.persistence.LockModeType.PESSIMISTIC_WRITE);
                    if (tender.status == TenderStatus.PENDING) {
                        Tenders.settle(tender, answer, clock.instant());
                        LOG.info("pending payment {} resolved: {}", tender.id, tender.status);
                    }
                    return null;
                });
            } catch (RuntimeException e) {
                LOG.warn("pending payment {} with {}: still no answer ({})", reference.paymentId(), methodId,
                        e.getClass().getSimpleName());
            }
        }
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
            throw OmnitillException.unprocessable("tax_rule_unavailable", cart.taxRuleId() == null
                    ? "no tax rule is installed for store " + cart.storeId() + "; install its tax plugin"
                    : "the tax plugin '" + cart.taxRuleId() + "' that store " + cart.storeId()
                            + " is configured with is not installed; install it");
        }
    }

    /** Whether a line's price was overridden or it is discounted: such a line takes no further scans. */
    private static boolean adjusted(CartLineEntity line) {
        return line.discountAmount != null
                || (line.regularUnitPrice != null && line.regularUnitPrice.compareTo(line.unitPrice) != 0);
    }

    /**
     * Brings a line's discount in line with a new line total: a percent discount is worked out
     * again, an amount discount stays and must not exceed the total.
     */
    private static void rediscount(CartLineEntity line, Currency currency) {
        if (line.discountAmount == null) {
            return;
        }
        Money lineTotal = CartPricer.undiscountedTotal(line, currency);
        if (line.discountPercent != null) {
            line.discountAmount = LineDiscount.moneyOf(lineTotal, line.discountPercent).amount();
        } else if (Money.of(line.discountAmount, currency).isGreaterThan(lineTotal)) {
            throw OmnitillException.unprocessable("discount_exceeds_line", "the line's discount of "
                    + Money.of(line.discountAmount, currency) + " would be more than its new total of " + lineTotal
                    + "; take the discount off first");
        }
    }

    private static void requireCartCurrency(CartEntity cart, Money money, String what) {
        if (!money.currencyCode().equals(cart.currency)) {
            throw OmnitillException.unprocessable("currency_mismatch",
                    "the cart is in " + cart.currency + ", " + what + " in " + money.currencyCode());
        }
    }

    private static String reason(String reason) {
        if (reason == null || reason.isBlank()) {
            throw OmnitillException.invalid("reason_required", "an adjustment needs a reason");
        }
        String why = reason.strip();
        if (why.length() > MAX_REASON_LENGTH) {
            throw OmnitillException.invalid("reason_too_long",
                    "a reason has at most " + MAX_REASON_LENGTH + " characters; got " + why.length());
        }
        return why;
    }

    /** A ship-to address checked and tidied: an ISO country code, blank parts left out. */
    private static TaxAddress address(TaxAddress destination) {
        String country = destination.country() == null ? "" : destination.country().strip().toUpperCase(Locale.ROOT);
        if (!COUNTRIES.contains(country)) {
            throw OmnitillException.invalid("invalid_address",
                    "a ship-to address needs an ISO 3166-1 alpha-2 country code; got '" + destination.country() + "'");
        }
        return new TaxAddress(country, part(destination.region(), "region", 16, true),
                part(destination.postalCode(), "postal code", 16, false), part(destination.city(), "city", 255, false));
    }

    private static String part(String value, String name, int maxLength, boolean upperCase) {
        if (value == null || value.isBlank()) {
            return null;
        }
        String v = value.strip();
        if (v.length() > maxLength || v.chars().anyMatch(Character::isISOControl)) {
            throw OmnitillException.invalid("invalid_address",
                    "the " + name + " of a ship-to address has at most " + maxLength + " printable characters");
        }
        return upperCase ? v.toUpperCase(Locale.ROOT) : v;
    }

    private static String describe(TaxAddress a) {
        StringBuilder s = new StringBuilder(String.valueOf(a.country()));
        for (String part : new String[] {a.region(), a.postalCode(), a.city()}) {
            if (part != null) {
                s.append(' ').append(part);
            }
        }
        return s.toString();
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
        return open(find(em, cartId), cartId);
    }

    /** The cart if it exists and is open: {@code cart_not_found} when null, {@code cart_closed} when checked out. */
    private static CartEntity open(CartEntity cart, String cartId) {
        if (cart == null) {
            throw OmnitillException.notFound("cart_not_found", "there is no cart '" + cartId + "'");
        }
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
        return touchAndView(em, cart, store, taxRule(cart, store));
    }

    private CartView touchAndView(EntityManager em, CartEntity cart, StoreView store, TaxChoice tax) {
        cart.updatedAt = clock.instant();
        CartView view = view(cart, store, tax);
        // written with the commit, which fails if another request changed the cart in between
        em.lock(cart, javax.persistence.LockModeType.OPTIMISTIC_FORCE_INCREMENT);
        return view;
    }

    private CartView view(CartEntity cart, StoreView store) {
        return view(cart, store, taxRule(cart, store));
    }

    private CartView view(CartEntity cart, StoreView store, TaxChoice tax) {
        return CartPricer.price(cart, store, tax.rule(), tax.pluginId(), LocalDate.now(clock));
    }

    /**
     * The tax rule that taxes the cart and its plugin id. {@code rule} is null when no installed rule
     * covers the taxed address (then {@code pluginId} is null too) or when the rule the store is
     * configured with is not installed (then {@code pluginId} names it).
     */
    private record TaxChoice(TaxRule rule, String pluginId) {
    }

    private TaxChoice taxRule(CartEntity cart, StoreView store) {
        TaxAddress taxedAt = CartPricer.taxedAt(cart, store);
        String configured = storeTaxRules.pluginFor(store.id());
        if (configured == null) {
            return plugins.taxRule(taxedAt, taxRuleSwapGrace)
                    .map(r -> new TaxChoice(r.service(), r.pluginId()))
                    .orElse(new TaxChoice(null, null));
        }
        Optional<Registered<TaxRule>> rule = plugins.taxRuleById(configured, taxRuleSwapGrace);
        if (rule.isEmpty()) {
            return new TaxChoice(null, configured);
        }
        if (!rule.get().service().covers(taxedAt)) {
            throw OmnitillException.unprocessable("tax_jurisdiction_not_covered", "the tax rule '" + configured
                    + "' that store " + store.id() + " is configured with does not cover " + describe(taxedAt));
        }
        return new TaxChoice(rule.get().service(), configured);
    }
}
