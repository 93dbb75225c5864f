package org.omnitill.demo.internal;

import java.math.BigDecimal;
import java.util.List;
import java.util.UUID;

import javax.persistence.EntityManager;

import org.omnitill.api.catalog.Barcode;
import org.omnitill.api.inventory.InventoryService;
import org.omnitill.api.store.LocationType;
import org.omnitill.demo.internal.DemoCatalog.Article;
import org.omnitill.demo.internal.DemoCatalog.Location;
import org.omnitill.persistence.TransactionRunner;
import org.omnitill.persistence.model.BarcodeEntity;
import org.omnitill.persistence.model.OrderSequenceEntity;
import org.omnitill.persistence.model.PriceEntity;
import org.omnitill.persistence.model.ProductEntity;
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
 * Loads the demo retailer into an empty database, once, in one transaction. It never touches a
 * database that already has stores; set {@code enabled=false} in {@code etc/org.omnitill.demo.cfg}
 * for a production database.
 */
@Component(service = DemoDataLoader.class, immediate = true, configurationPid = "org.omnitill.demo",
        configurationPolicy = ConfigurationPolicy.OPTIONAL)
@Designate(ocd = DemoDataLoader.Config.class)
public class DemoDataLoader {

    private static final Logger LOG = LoggerFactory.getLogger(DemoDataLoader.class);

    @ObjectClassDefinition(name = "Omnitill demo data", description = "Loads a demo retailer into an empty database")
    public @interface Config {
        @AttributeDefinition(name = "Enabled", description = "Load the demo retailer when the database has no stores")
        boolean enabled() default true;
    }

    private final TransactionRunner tx;
    private final InventoryService inventory;

    @Activate
    public DemoDataLoader(@Reference TransactionRunner tx, @Reference InventoryService inventory, Config config) {
        this.tx = tx;
        this.inventory = inventory;
        if (config.enabled()) {
            loadIfEmpty();
        }
    }

    /** @return whether the demo retailer was loaded */
    boolean loadIfEmpty() {
        return tx.required(em -> {
            long stores = em.createQuery("SELECT COUNT(s) FROM StoreEntity s", Long.class).getSingleResult();
            if (stores > 0) {
                LOG.debug("Database has {} stores; demo data not loaded", stores);
                return false;
            }
            load(em);
            LOG.info("Loaded the demo retailer: {} locations, {} articles", DemoCatalog.LOCATIONS.size(),
                    DemoCatalog.ARTICLES.size());
            return true;
        });
    }

    private void load(EntityManager em) {
        for (Location location : DemoCatalog.LOCATIONS) {
            StoreEntity store = new StoreEntity();
            store.id = location.id();
            store.name = location.name();
            store.type = location.type();
            store.country = location.country();
            store.postalCode = location.postalCode();
            store.city = location.city();
            store.currency = "EUR";
            store.pricesIncludeTax = true;
            em.persist(store);
            OrderSequenceEntity sequence = new OrderSequenceEntity();
            sequence.storeId = location.id();
            em.persist(sequence);
        }
        List<Article> articles = DemoCatalog.ARTICLES;
        for (int i = 0; i < articles.size(); i++) {
            Article article = articles.get(i);
            ProductEntity product = new ProductEntity();
            product.sku = article.sku();
            product.name = article.name();
            product.taxCategory = article.taxCategory();
            product.unit = article.unit();
            em.persist(product);

            Barcode barcode = Barcode.parse(article.barcode(i));
            BarcodeEntity code = new BarcodeEntity();
            code.gtin14 = barcode.gtin14();
            code.code = barcode.digits();
            code.sku = article.sku();
            em.persist(code);

            for (Location location : DemoCatalog.LOCATIONS) {
                if (location.type() == LocationType.STORE) {
                    PriceEntity price = new PriceEntity();
                    price.id = UUID.randomUUID().toString();
                    price.sku = article.sku();
                    price.storeId = location.id();
                    price.currency = "EUR";
                    price.amount = new BigDecimal(article.price(location.country()));
                    em.persist(price);
                }
                inventory.add(location.id(), article.sku(), DemoCatalog.openingStock(location, i), "opening-stock",
                        "demo");
            }
        }
    }
}
