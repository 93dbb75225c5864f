package org.omnitill.catalog.internal;

import java.time.Duration;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.TreeMap;
import java.util.UUID;
import java.util.stream.Collectors;

import javax.persistence.EntityManager;
import javax.persistence.LockModeType;
import javax.persistence.TypedQuery;

import org.omnitill.api.catalog.Barcode;
import org.omnitill.api.catalog.CatalogService;
import org.omnitill.api.catalog.Page;
import org.omnitill.api.catalog.PriceView;
import org.omnitill.api.catalog.ProductView;
import org.omnitill.api.error.OmnitillException;
import org.omnitill.api.money.Money;
import org.omnitill.persistence.TransactionRunner;
import org.omnitill.persistence.model.BarcodeEntity;
import org.omnitill.persistence.model.PriceEntity;
import org.omnitill.persistence.model.ProductEntity;
import org.omnitill.persistence.model.ProductTaxCategoryEntity;
import org.omnitill.persistence.model.StoreEntity;
import org.osgi.service.component.annotations.Activate;
import org.osgi.service.component.annotations.Component;
import org.osgi.service.component.annotations.Modified;
import org.osgi.service.component.annotations.Reference;
import org.osgi.service.metatype.annotations.Designate;

/**
 * Articles, barcodes and prices. The article views that scans look up are kept in a {@link ReadCache}
 * for {@link CatalogConfig#cacheSeconds()}; this service's own writes empty it.
 */
@Component(service = CatalogService.class, configurationPid = "org.omnitill.catalog")
@Designate(ocd = CatalogConfig.class)
public class JpaCatalogService implements CatalogService {

    private final TransactionRunner tx;
    private volatile ReadCache<String, ProductView> bySku = ReadCache.off();
    private volatile ReadCache<String, ProductView> byGtin14 = ReadCache.off();

    /** Without a cache: every read goes to the database (for tests that write rows directly). */
    public JpaCatalogService(TransactionRunner tx) {
        this.tx = tx;
    }

    @Activate
    public JpaCatalogService(@Reference TransactionRunner tx, CatalogConfig config) {
        this(tx);
        configure(config);
    }

    @Modified
    void configure(CatalogConfig config) {
        Duration ttl = Duration.ofSeconds(config.cacheSeconds());
        bySku = ReadCache.of(ttl, config.cacheMaxArticles());
        byGtin14 = ReadCache.of(ttl, config.cacheMaxArticles());
    }

    @Override
    public Optional<ProductView> product(String sku) {
        if (sku == null || sku.isBlank()) {
            return Optional.empty();
        }
        return bySku.get(sku, () -> tx.required(
                em -> Optional.ofNullable(em.find(ProductEntity.class, sku)).map(p -> view(em, p))));
    }

    @Override
    public Optional<ProductView> productByBarcode(Barcode barcode) {
        // one query for barcode and article, not a look-up of each: this runs for every scan
        return byGtin14.get(barcode.gtin14(), () -> tx.required(em -> em.createQuery(
                        "SELECT p FROM ProductEntity p, BarcodeEntity b WHERE b.gtin14 = :gtin14 AND p.sku = b.sku",
                        ProductEntity.class)
                .setParameter("gtin14", barcode.gtin14()).getResultList().stream().findFirst()
                .map(p -> view(em, p))));
    }

    /**
     * Empties the caches when a write starts and again once it has committed, so that no read which
     * overlapped the write keeps the old rows.
     */
    private void articlesChanging() {
        ReadCache<String, ProductView> sku = bySku;
        ReadCache<String, ProductView> gtin = byGtin14;
        sku.invalidateAll();
        gtin.invalidateAll();
        tx.afterCommit(() -> {
            sku.invalidateAll();
            gtin.invalidateAll();
        });
    }

    @Override
    public Page<ProductView> search(String text, int offset, int limit) {
        if (offset < 0 || limit < 1) {
            throw new IllegalArgumentException("offset must be >= 0 and limit >= 1");
        }
        String pattern = "%" + escapeLike(text == null ? "" : text.trim().toLowerCase(Locale.ROOT)) + "%";
        return tx.required(em -> {
            String where = " WHERE LOWER(p.sku) LIKE :q ESCAPE '\\' OR LOWER(p.name) LIKE :q ESCAPE '\\'";
            long total = em.createQuery("SELECT COUNT(p) FROM ProductEntity p" + where, Long.class)
                    .setParameter("q", pattern).getSingleResult();
            TypedQuery<ProductEntity> q = em.createQuery("SELECT p FROM ProductEntity p" + where + " ORDER BY p.sku",
                    ProductEntity.class).setParameter("q", pattern).setFirstResult(offset).setMaxResults(limit);
            List<ProductEntity> products = q.getResultList();
            return new Page<>(views(em, products), total, offset, limit);
        });
    }

    @Override
    public Optional<Money> price(String sku, String storeId) {
        return tx.required(em -> em.createQuery(
                        "SELECT p FROM PriceEntity p WHERE p.sku = :sku AND p.storeId = :store", PriceEntity.class)
                .setParameter("sku", sku).setParameter("store", storeId)
                .getResultList().stream().findFirst().map(JpaCatalogService::money));
    }

    @Override
    public Optional<Money> setPrice(String sku, String storeId, Money price) {
        if (price == null || price.isNegative()) {
            throw OmnitillException.invalid("invalid_price", "a price must be zero or more");
        }
        return tx.required(em -> {
            articlesChanging();
            StoreEntity store = storeSelling(em, sku, storeId);
            if (!store.currency.equals(price.currencyCode())) {
                throw OmnitillException.invalid("currency_mismatch",
                        "store '" + storeId + "' prices in " + store.currency + ", not " + price.currencyCode());
            }
            PriceEntity row = findPrice(em, sku, storeId, true).orElse(null);
            Optional<Money> previous = Optional.ofNullable(row).map(JpaCatalogService::money);
            if (row == null) {
                row = new PriceEntity();
                row.id = UUID.randomUUID().toString();
                row.sku = sku;
                row.storeId = storeId;
                row.currency = store.currency;
                row.amount = price.amount();
                em.persist(row);
            } else {
                row.amount = price.amount();
            }
            return previous;
        });
    }

    @Override
    public Optional<Money> unitCost(String sku, String storeId) {
        return tx.required(em -> findPrice(em, sku, storeId, false)
                .filter(p -> p.unitCost != null).map(JpaCatalogService::cost));
    }

    @Override
    public Map<String, Money> unitCosts(String storeId) {
        return tx.required(em -> em.createQuery("SELECT p FROM PriceEntity p WHERE p.storeId = :store"
                        + " AND p.unitCost IS NOT NULL", PriceEntity.class)
                .setParameter("store", storeId).getResultList().stream()
                .collect(Collectors.toMap(p -> p.sku, JpaCatalogService::cost, (a, b) -> a, TreeMap::new)));
    }

    @Override
    public Optional<Money> setUnitCost(String sku, String storeId, Money unitCost) {
        if (unitCost != null && unitCost.isNegative()) {
            throw OmnitillException.invalid("invalid_unit_cost", "a unit cost must be zero or more");
        }
        return tx.required(em -> {
            StoreEntity store = storeSelling(em, sku, storeId);
            if (unitCost != null && !store.currency.equals(unitCost.currencyCode())) {
                throw OmnitillException.invalid("currency_mismatch",
                        "store '" + storeId + "' keeps costs in " + store.currency + ", not " + unitCost.currencyCode());
            }
            // the cost belongs to the store's price row: a store that does not sell the article has no cost for it
            PriceEntity row = findPrice(em, sku, storeId, true).orElseThrow(() -> OmnitillException.notFound(
                    "price_not_found", "store '" + storeId + "' has no price for '" + sku + "'; set the price first"));
            Optional<Money> previous = Optional.ofNullable(row.unitCost).map(c -> cost(row));
            row.unitCost = unitCost == null ? null : unitCost.amount();
            return previous;
        });
    }

    /** The store, once both it and the article exist: what a price or a cost is set for. */
    private static StoreEntity storeSelling(EntityManager em, String sku, String storeId) {
        if (em.find(ProductEntity.class, sku) == null) {
            throw OmnitillException.notFound("product_not_found", "there is no article '" + sku + "'");
        }
        StoreEntity store = em.find(StoreEntity.class, storeId);
        if (store == null) {
            throw OmnitillException.notFound("store_not_found", "there is no store '" + storeId + "'");
        }
        return store;
    }

    private static Optional<PriceEntity> findPrice(EntityManager em, String sku, String storeId, boolean lock) {
        TypedQuery<PriceEntity> query = em.createQuery(
                        "SELECT p FROM PriceEntity p WHERE p.sku = :sku AND p.storeId = :store", PriceEntity.class)
                .setParameter("sku", sku).setParameter("store", storeId);
        if (lock) {
            query.setLockMode(LockModeType.PESSIMISTIC_WRITE);
        }
        return query.getResultList().stream().findFirst();
    }

    private static Money cost(PriceEntity p) {
        return Money.of(p.unitCost, Money.currency(p.currency));
    }

    private static String escapeLike(String text) {
        return text.replace("\\", "\\\\").replace("%", "\\%").replace("_", "\\_");
    }

    private static Money money(PriceEntity p) {
        return Money.of(p.amount, Money.currency(p.currency));
    }

    private static ProductView view(EntityManager em, ProductEntity p) {
        return views(em, List.of(p)).get(0);
    }

    /**
     * Loads barcodes, prices and per-country tax categories of a page of products in three queries,
     * not three per product.
     */
    private static List<ProductView> views(EntityManager em, List<ProductEntity> products) {
        if (products.isEmpty()) {
            return List.of();
        }
        List<String> skus = products.stream().map(p -> p.sku).toList();
        Map<String, List<String>> barcodes = em.createQuery(
                        "SELECT b FROM BarcodeEntity b WHERE b.sku IN :skus ORDER BY b.code", BarcodeEntity.class)
                .setParameter("skus", skus).getResultList().stream()
                .collect(Collectors.groupingBy(b -> b.sku, Collectors.mapping(b -> b.code, Collectors.toList())));
        Map<String, List<PriceView>> prices = em.createQuery(
                        "SELECT p FROM PriceEntity p WHERE p.sku IN :skus ORDER BY p.storeId", PriceEntity.class)
                .setParameter("skus", skus).getResultList().stream()
                .collect(Collectors.groupingBy(p -> p.sku,
                        Collectors.mapping(p -> new PriceView(p.storeId, money(p)), Collectors.toList())));
        Map<String, Map<String, String>> taxCategories = em.createQuery(
                        "SELECT t FROM ProductTaxCategoryEntity t WHERE t.sku IN :skus", ProductTaxCategoryEntity.class)
                .setParameter("skus", skus).getResultList().stream()
                .collect(Collectors.groupingBy(t -> t.sku,
                        Collectors.toMap(t -> t.country, t -> t.taxCategory, (a, b) -> a, TreeMap::new)));
        return products.stream().map(p -> new ProductView(p.sku, p.name, barcodes.getOrDefault(p.sku, List.of()),
                p.taxCategory, p.unit, prices.getOrDefault(p.sku, List.of()),
                taxCategories.getOrDefault(p.sku, Map.of()))).toList();
    }
}
