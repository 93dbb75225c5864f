package org.omnitill.cart.internal;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * Which tax rule plugin taxes which store, from the {@code storeTaxRules} configuration: entries
 * {@code storeId=pluginId} (e.g. {@code berlin-mitte=eu-vat}) and optionally {@code *=pluginId} for
 * every store without an entry of its own. An entry may also hold several, separated by commas, as a
 * Karaf {@code .cfg} file gives them. Stores without an entry (and no {@code *}) are taxed by
 * the highest-ranked rule that covers them.
 *
 * @param byStore the plugin id per store id
 * @param fallback the plugin id of {@code *}, or null
 * @param problems the entries that could not be read, each with what is wrong with it
 */
record StoreTaxRules(Map<String, String> byStore, String fallback, List<String> problems) {

    static final String ALL_STORES = "*";
    static final StoreTaxRules NONE = new StoreTaxRules(Map.of(), null, List.of());

    StoreTaxRules {
        byStore = Map.copyOf(byStore);
        problems = List.copyOf(problems);
    }

    /** Reads the entries; blank ones are skipped, malformed ones are left out and reported in {@link #problems()}. */
    static StoreTaxRules parse(String[] entries) {
        if (entries == null || entries.length == 0) {
            return NONE;
        }
        Map<String, String> byStore = new LinkedHashMap<>();
        String fallback = null;
        List<String> problems = new ArrayList<>();
        List<String> all = new ArrayList<>();
        for (String value : entries) {
            // a .cfg file gives one string: "berlin-mitte=eu-vat, seattle-downtown=us-sales-tax"
            if (value != null) {
                all.addAll(List.of(value.split(",")));
            }
        }
        for (String entry : all) {
            if (entry.isBlank()) {
                continue;
            }
            int eq = entry.indexOf('=');
            String store = eq < 0 ? "" : entry.substring(0, eq).strip();
            String plugin = eq < 0 ? "" : entry.substring(eq + 1).strip();
            if (store.isEmpty() || plugin.isEmpty() || plugin.indexOf('=') >= 0) {
                problems.add("'" + entry + "' is not storeId=pluginId; it is ignored");
                continue;
            }
            String previous;
            if (ALL_STORES.equals(store)) {
                previous = fallback;
                fallback = plugin;
            } else {
                previous = byStore.put(store, plugin);
            }
            if (previous != null && !previous.equals(plugin)) {
                problems.add("store '" + store + "' is configured twice ('" + previous + "' and '" + plugin
                        + "'); the last entry, '" + plugin + "', applies");
            }
        }
        return new StoreTaxRules(byStore, fallback, problems);
    }

    /** The plugin id of the tax rule that must tax the store, or null if any covering rule may. */
    String pluginFor(String storeId) {
        String plugin = byStore.get(storeId);
        return plugin != null ? plugin : fallback;
    }
}
