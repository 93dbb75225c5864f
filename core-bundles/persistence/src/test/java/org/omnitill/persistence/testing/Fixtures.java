package org.omnitill.persistence.testing;

import java.math.BigDecimal;
import java.util.UUID;

import javax.persistence.EntityManager;

import org.omnitill.api.catalog.Barcode;
import org.omnitill.api.catalog.UnitOfMeasure;
import org.omnitill.api.store.LocationType;
import org.omnitill.persistence.model.BarcodeEntity;
import org.omnitill.persistence.model.OrderSequenceEntity;
import org.omnitill.persistence.model.PriceEntity;
import org.omnitill.persistence.model.ProductEntity;
import org.omnitill.persistence.model.ProductTaxCategoryEntity;
import org.omnitill.persistence.model.StockEntity;
import org.omnitill.persistence.model.StoreEntity;

/** Rows for unit tests, written the way the demo loader and a real import write them. */
public final class Fixtures {

    private Fixtures() {
    }

    public static StoreEntity store(EntityManager em, String id, LocationType type, String country, String currency,
            boolean pricesIncludeTax) {
        StoreEntity s = new StoreEntity();
        s.id = id;
        s.name = "Store " + id;
        s.type = type;
        s.country = country;
        s.city = "Testville";
        s.currency = currency;
        s.pricesIncludeTax = pricesIncludeTax;
        em.persist(s);
        OrderSequenceEntity seq = new OrderSequenceEntity();
        seq.storeId = id;
        em.persist(seq);
        return s;
    }

    /** A location keeping its business day in an IANA time zone. */
    public static StoreEntity store(EntityManager em, String id, LocationType type, String country, String currency,
            boolean pricesIncludeTax, String timeZone) {
        StoreEntity s = store(em, id, type, country, currency, pricesIncludeTax);
        s.timeZone = timeZone;
        return s;
    }

    public static ProductEntity product(EntityManager em, String sku, String name, String barcode, String taxCategory,
            UnitOfMeasure unit) {
        ProductEntity p = new ProductEntity();
        p.sku = sku;
        p.name = name;
        p.taxCategory = taxCategory;
        p.unit = unit;
        em.persist(p);
        if (barcode != null) {
            BarcodeEntity b = new BarcodeEntity();
            Barcode parsed = Barcode.parse(barcode);
            b.gtin14 = parsed.gtin14();
            b.code = parsed.digits();
            b.sku = sku;
            em.persist(b);
        }
        return p;
    }

    public static PriceEntity price(EntityManager em, String sku, String storeId, String amount, String currency) {
        PriceEntity p = new PriceEntity();
        p.id = UUID.randomUUID().toString();
        p.sku = sku;
        p.storeId = storeId;
        p.amount = new BigDecimal(amount);
        p.currency = currency;
        em.persist(p);
        return p;
    }

    /** A price with what one unit costs the store (null for unknown). */
    public static PriceEntity price(EntityManager em, String sku, String storeId, String amount, String currency,
            String unitCost) {
        PriceEntity p = price(em, sku, storeId, amount, currency);
        p.unitCost = unitCost == null ? null : new BigDecimal(unitCost);
        return p;
    }

    /** The article's tax category in one country, overriding its default there. */
    public static ProductTaxCategoryEntity taxCategory(EntityManager em, String sku, String country,
            String taxCategory) {
        ProductTaxCategoryEntity t = new ProductTaxCategoryEntity();
        t.id = ProductTaxCategoryEntity.idOf(sku, country);
        t.sku = sku;
        t.country = country;
        t.taxCategory = taxCategory;
        em.persist(t);
        return t;
    }

    public static StockEntity stock(EntityManager em, String locationId, String sku, String onHand) {
        StockEntity s = new StockEntity();
        s.id = StockEntity.idOf(locationId, sku);
        s.locationId = locationId;
        s.sku = sku;
        s.onHand = new BigDecimal(onHand);
        em.persist(s);
        return s;
    }
}
