package org.omnitill.cart.internal;

import java.time.Duration;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;
import java.util.function.Supplier;

import org.omnitill.api.channel.SalesChannel;
import org.omnitill.api.payment.PaymentMethod;
import org.omnitill.api.tax.TaxAddress;
import org.omnitill.api.tax.TaxRule;

/**
 * The plugins the cart uses right now. Plugins come and go at any moment; every lookup answers
 * from the services registered at that instant, and a caller keeps the instance it got for the
 * rest of its operation.
 *
 * <p>Updating a tax bundle unregisters its rule and registers the new one a moment later. So that
 * no sale fails in that gap, a lookup that finds no covering rule (or not the rule a store is
 * configured with) shortly after a rule left waits, at most for the swap grace, for one to arrive.
 */
final class PluginServices {

    private final Object taxRuleArrived = new Object();
    private volatile long lastTaxRuleRemovedNanos;
    private volatile boolean anyTaxRuleRemoved;

    private final Map<PaymentMethod, Registered<PaymentMethod>> payments = new ConcurrentHashMap<>();
    private final Map<TaxRule, Registered<TaxRule>> taxRules = new ConcurrentHashMap<>();
    private final Map<SalesChannel, Registered<SalesChannel>> channels = new ConcurrentHashMap<>();

    void addPaymentMethod(PaymentMethod method, Map<String, ?> properties) {
        payments.put(method, Registered.of(method, properties));
    }

    void removePaymentMethod(PaymentMethod method) {
        payments.remove(method);
    }

    void addTaxRule(TaxRule rule, Map<String, ?> properties) {
        taxRules.put(rule, Registered.of(rule, properties));
        synchronized (taxRuleArrived) {
            taxRuleArrived.notifyAll();
        }
    }

    void removeTaxRule(TaxRule rule) {
        if (taxRules.remove(rule) != null) {
            lastTaxRuleRemovedNanos = System.nanoTime();
            anyTaxRuleRemoved = true;
        }
    }

    void addChannel(SalesChannel channel, Map<String, ?> properties) {
        channels.put(channel, Registered.of(channel, properties));
    }

    void removeChannel(SalesChannel channel) {
        channels.remove(channel);
    }

    Optional<PaymentMethod> paymentMethod(String id) {
        return byId(payments, id);
    }

    Optional<SalesChannel> channel(String id) {
        return byId(channels, id);
    }

    /**
     * The preferred tax rule that covers the address. If none does and a rule left less than
     * {@code swapGrace} ago, waits until one arrives or the grace since that removal is over.
     */
    Optional<Registered<TaxRule>> taxRule(TaxAddress address, Duration swapGrace) {
        return waitingForSwap(() -> coveringTaxRule(address), swapGrace);
    }

    /**
     * The preferred tax rule registered with the plugin id, whether or not it covers anything. If none
     * is and a rule left less than {@code swapGrace} ago, waits as {@link #taxRule(TaxAddress, Duration)} does.
     */
    Optional<Registered<TaxRule>> taxRuleById(String pluginId, Duration swapGrace) {
        return waitingForSwap(() -> registeredById(taxRules, pluginId), swapGrace);
    }

    private <T> Optional<T> waitingForSwap(Supplier<Optional<T>> lookup, Duration swapGrace) {
        Optional<T> rule = lookup.get();
        if (rule.isPresent() || !anyTaxRuleRemoved) {
            return rule;
        }
        long deadline = lastTaxRuleRemovedNanos + swapGrace.toNanos();
        synchronized (taxRuleArrived) {
            // looked up again under the lock: a rule that arrived before we took it would not notify us
            rule = lookup.get();
            while (rule.isEmpty()) {
                long remainingMillis = (deadline - System.nanoTime()) / 1_000_000;
                if (remainingMillis <= 0) {
                    break;
                }
                try {
                    taxRuleArrived.wait(remainingMillis);
                } catch (InterruptedException e) {
                    Thread.currentThread().interrupt();
                    break;
                }
                rule = lookup.get();
            }
        }
        return rule;
    }

    private Optional<Registered<TaxRule>> coveringTaxRule(TaxAddress address) {
        return taxRules.values().stream()
                .filter(r -> r.service().covers(address))
                .sorted(Registered.PREFERRED)
                .findFirst();
    }

    private static <T> Optional<T> byId(Map<T, Registered<T>> services, String id) {
        return registeredById(services, id).map(Registered::service);
    }

    private static <T> Optional<Registered<T>> registeredById(Map<T, Registered<T>> services, String id) {
        if (id == null) {
            return Optional.empty();
        }
        return services.values().stream()
                .filter(r -> id.equals(r.pluginId()))
                .sorted(Registered.PREFERRED)
                .findFirst();
    }
}
