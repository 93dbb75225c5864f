package org.omnitill.demo.internal;

import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.UUID;

import javax.persistence.EntityManager;

import org.omnitill.api.catalog.Barcode;
import org.omnitill.api.inventory.InventoryService;
import org.omnitill.api.money.Money;
import org.omnitill.api.store.LocationType;
import org.omnitill.demo.internal.DemoCatalog.Article;
import org.omnitill.demo.internal.DemoCatalog.Location;
import org.omnitill.persistence.TransactionRunner;
import org.omnitill.persistence.model.BarcodeEntity;
import org.omnitill.persistence.model.OrderSequenceEntity;
import org.omnitill.persistence.model.PriceEntity;
import org.omnitill.persistence.model.ProductEntity;
import org.omnitill.persistence.model.ProductTaxCategoryEntity;
import org.omnitill.persistence.model.StockEntity;
import org.omnitill.persistence.model.StoreEntity;
import org.osgi.service.component.annotations.Activate;
import org.osgi.service.component.annotations.Component;
import org.osgi.service.component.annotations.ConfigurationPolicy;
import org.osgi.service.component.annotations.Reference;
import org.osgi.service.metatype.annotations.AttributeDefinition;
import org.osgi.service.metatype.annotations.Designate;
import org.osgi.service.metatype.annotations.ObjectClassDefinition;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Loads the demo retailer ({@link DemoCatalog}) in one transaction: into an empty database, or, into
 * a database that already has one of the demo's locations (a demo database from an older version),
 * whatever of it is missing: stores, articles, prices, per-country tax categories and the opening
 * stock of a location and article that have none. It never changes or removes a row that exists, and
 * it never touches a database that has stores but none of the demo's; still, set
 * {@code enabled=false} in {@code etc/org.omnitill.demo.cfg} for a production database.
 */
@Component(service = DemoDataLoader.class, immediate = true, configurationPid = "org.omnitill.demo",
        configurationPolicy = ConfigurationPolicy.OPTIONAL)
@Designate(ocd = DemoDataLoader.Config.class)
public class DemoDataLoader {

    private static final Logger LOG = LoggerFactory.getLogger(DemoDataLoader.class);

    @ObjectClassDefinition(name = "Omnitill demo data",
            description = "Loads a demo retailer into an empty database, or adds what is missing of it")
    public @interface Config {
        @AttributeDefinition(name = "Enabled", description = "Load the demo retailer when the database has no stores,"
                + " and add what is missing of it (e.g. stores added in a later version) when it has the demo's")
        boolean enabled() default true;
    }

    /**
     * What one run added; all zero when the demo data was complete or the database is not the demo's.
     * {@code timeZones} and {@code unitCosts} count values filled into demo rows from before stores had
     * zones and prices costs.
     */
    record Added(int locations, int articles, int prices, int taxCategories, int stockLevels, int timeZones,
            int unitCosts) {

        static final Added NOTHING = new Added(0, 0, 0, 0, 0, 0, 0);

        Added(int locations, int articles, int prices, int taxCategories, int stockLevels) {
            this(locations, articles, prices, taxCategories, stockLevels, 0, 0);
        }

        boolean anything() {
            return locations + articles + prices + taxCategories + stockLevels + timeZones + unitCosts > 0;
        }
    }

    private final TransactionRunner tx;
    private final InventoryService inventory;

    @Activate
    public DemoDataLoader(@Reference TransactionRunner tx, @Reference InventoryService inventory, Config config) {
        this.tx = tx;
        this.inventory = inventory;
        if (config.enabled()) {
            loadMissing();
        }
    }

    /** Loads the demo retailer, or what is missing of it; see the class comment. */
    Added loadMissing() {
        return tx.required(em -> {
            long stores = em.createQuery("SELECT COUNT(s) FROM StoreEntity s", Long.class).getSingleResult();
            List<String> demoIds = DemoCatalog.LOCATIONS.stream().map(Location::id).toList();
            long demoStores = em.createQuery("SELECT COUNT(s) FROM StoreEntity s WHERE s.id IN :ids", Long.class)
                    .setParameter("ids", demoIds).getSingleResult();
            if (stores > 0 && demoStores == 0) {
                LOG.debug("Database has {} stores, none of the demo's; demo data not loaded", stores);
                return Added.NOTHING;
            }
            Added added = load(em);
            if (stores == 0) {
                LOG.info("Loaded the demo retailer: {} locations, {} articles", added.locations(), added.articles());
            } else if (added.anything()) {
                LOG.info("Completed the demo retailer: added {} locations, {} articles, {} prices, {} tax categories,"
                        + " {} opening stock levels, {} time zones, {} unit costs", added.locations(), added.articles(),
                        added.prices(), added.taxCategories(), added.stockLevels(), added.timeZones(),
                        added.unitCosts());
            } else {
                LOG.debug("The demo retailer is complete");
            }
            return added;
        });
    }

    private Added load(EntityManager em) {
        List<Article> articles = DemoCatalog.ARTICLES;
        List<String> skus = articles.stream().map(Article::sku).toList();

        int locations = 0;
        int timeZones = 0;
        for (Location location : DemoCatalog.LOCATIONS) {
            StoreEntity store = em.find(StoreEntity.class, location.id());
            if (store == null) {
                persistLocation(em, location);
                locations++;
            } else if (store.timeZone == null) {
                // a demo store from before stores had zones: the column is new, so nobody chose UTC for it
                store.timeZone = location.timeZone();
                timeZones++;
            }
        }

        Set<String> products = new HashSet<>(em.createQuery(
                "SELECT p.sku FROM ProductEntity p WHERE p.sku IN :skus", String.class)
                .setParameter("skus", skus).getResultList());
        Set<String> taxCategories = new HashSet<>(em.createQuery(
                "SELECT t.id FROM ProductTaxCategoryEntity t WHERE t.sku IN :skus", String.class)
                .setParameter("skus", skus).getResultList());
        Set<String> stock = new HashSet<>(em.createQuery(
                "SELECT s.id FROM StockEntity s WHERE s.sku IN :skus", String.class)
                .setParameter("skus", skus).getResultList());

        int newArticles = 0;
        int newTaxCategories = 0;
        int newStock = 0;
        for (int i = 0; i < articles.size(); i++) {
            Article article = articles.get(i);
            if (!products.contains(article.sku())) {
                persistArticle(em, article, i);
                newArticles++;
            }
            for (Map.Entry<String, String> override : article.taxCategoryOverrides().entrySet()) {
                String id = ProductTaxCategoryEntity.idOf(article.sku(), override.getKey());
                if (!taxCategories.contains(id)) {
                    ProductTaxCategoryEntity row = new ProductTaxCategoryEntity();
                    row.id = id;
                    row.sku = article.sku();
                    row.country = override.getKey();
                    row.taxCategory = override.getValue();
                    em.persist(row);
                    newTaxCategories++;
                }
            }
            for (Location location : DemoCatalog.LOCATIONS) {
                if (!stock.contains(StockEntity.idOf(location.id(), article.sku()))) {
                    inventory.add(location.id(), article.sku(), DemoCatalog.openingStock(location, i), "opening-stock",
                            "demo");
                    newStock++;
                }
            }
        }

        int prices = 0;
        int unitCosts = 0;
        for (Location location : DemoCatalog.LOCATIONS) {
            if (location.type() == LocationType.STORE) {
                unitCosts += fillUnitCostsOfOlderDemo(em, location);
                prices += persistMissingPrices(em, location);
            }
        }
        return new Added(locations, newArticles, prices, newTaxCategories, newStock, timeZones, unitCosts);
    }

    private static void persistLocation(EntityManager em, Location location) {
        StoreEntity store = new StoreEntity();
        store.id = location.id();
        store.name = location.name();
        store.type = location.type();
        store.country = location.country();
        store.region = location.region();
        store.postalCode = location.postalCode();
        store.city = location.city();
        store.currency = location.currency();
        store.pricesIncludeTax = location.pricesIncludeTax();
        store.timeZone = location.timeZone();
        em.persist(store);
        OrderSequenceEntity sequence = new OrderSequenceEntity();
        sequence.storeId = location.id();
        em.persist(sequence);
    }

    private static void persistArticle(EntityManager em, Article article, int position) {
        ProductEntity product = new ProductEntity();
        product.sku = article.sku();
        product.name = article.name();
        product.taxCategory = article.taxCategory();
        product.unit = article.unit();
        em.persist(product);

        Barcode barcode = Barcode.parse(article.barcode(position));
        if (em.find(BarcodeEntity.class, barcode.gtin14()) == null) {
            BarcodeEntity code = new BarcodeEntity();
            code.gtin14 = barcode.gtin14();
            code.code = barcode.digits();
            code.sku = article.sku();
            em.persist(code);
        }
    }

    /** Prices every demo article the store has no price for; a store kept from before in another currency gets none. */
    private static int persistMissingPrices(EntityManager em, Location location) {
        StoreEntity store = em.find(StoreEntity.class, location.id());
        if (!store.currency.equals(location.currency())) {
            LOG.warn("Demo store {} prices in {}, not {}; its missing demo prices are not added", store.id,
                    store.currency, location.currency());
            return 0;
        }
        Set<String> priced = new HashSet<>(em.createQuery(
                "SELECT p.sku FROM PriceEntity p WHERE p.storeId = :store", String.class)
                .setParameter("store", location.id()).getResultList());
        int added = 0;
        for (int i = 0; i < DemoCatalog.ARTICLES.size(); i++) {
            Article article = DemoCatalog.ARTICLES.get(i);
            if (!priced.contains(article.sku())) {
                Money amount = DemoCatalog.price(article, location);
                PriceEntity price = new PriceEntity();
                price.id = UUID.randomUUID().toString();
                price.sku = article.sku();
                price.storeId = location.id();
                price.currency = amount.currencyCode();
                price.amount = amount.amount();
                price.unitCost = DemoCatalog.unitCost(article, i, location).map(Money::amount).orElse(null);
                em.persist(price);
                added++;
            }
        }
        return added;
    }

    /**
     * Gives the demo prices of a store their unit costs if none of the store's prices has a cost yet: a
     * demo database from before prices had costs. Once any price has one, costs are the manager's and
     * are never filled in again (a cost cleared on purpose stays cleared). Only prices still at their
     * demo amount get the demo cost, which is a share of that amount.
     */
    private static int fillUnitCostsOfOlderDemo(EntityManager em, Location location) {
        StoreEntity store = em.find(StoreEntity.class, location.id());
        if (!store.currency.equals(location.currency())) {
            return 0;
        }
        long withCost = em.createQuery("SELECT COUNT(p) FROM PriceEntity p WHERE p.storeId = :store"
                + " AND p.unitCost IS NOT NULL", Long.class).setParameter("store", location.id()).getSingleResult();
        if (withCost > 0) {
            return 0;
        }
        Map<String, PriceEntity> prices = new java.util.HashMap<>();
        em.createQuery("SELECT p FROM PriceEntity p WHERE p.storeId = :store", PriceEntity.class)
                .setParameter("store", location.id()).getResultList().forEach(p -> prices.put(p.sku, p));
        int filled = 0;
        for (int i = 0; i < DemoCatalog.ARTICLES.size(); i++) {
            Article article = DemoCatalog.ARTICLES.get(i);
            PriceEntity price = prices.get(article.sku());
            Optional<Money> cost = DemoCatalog.unitCost(article, i, location);
            if (price != null && cost.isPresent()
                    && price.amount.compareTo(DemoCatalog.price(article, location).amount()) == 0) {
                price.unitCost = cost.get().amount();
                filled++;
            }
        }
        return filled;
    }
}
