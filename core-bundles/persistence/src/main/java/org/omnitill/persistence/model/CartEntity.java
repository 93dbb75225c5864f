package org.omnitill.persistence.model;

import java.time.Instant;
import java.util.ArrayList;
import java.util.List;

import javax.persistence.CascadeType;
import javax.persistence.Column;
import javax.persistence.Entity;
import javax.persistence.EnumType;
import javax.persistence.Enumerated;
import javax.persistence.Id;
import javax.persistence.OneToMany;
import javax.persistence.OrderBy;
import javax.persistence.Table;
import javax.persistence.Version;

import org.omnitill.api.cart.CartStatus;

@Entity
@Table(name = "OT_CART")
public class CartEntity {
    @Id
    @Column(length = 36)
    public String id;
    @Column(name = "store_id", length = 64, nullable = false)
    public String storeId;
    @Column(length = 64, nullable = false)
    public String channel;
    @Column(name = "register_id", length = 64)
    public String registerId;
    @Enumerated(EnumType.STRING)
    @Column(length = 16, nullable = false)
    public CartStatus status;
    @Column(length = 3, nullable = false)
    public String currency;
    @Column(name = "prices_include_tax", nullable = false)
    public boolean pricesIncludeTax;
    @Column(name = "opened_by", length = 64)
    public String openedBy;
    @Column(name = "order_id", length = 36)
    public String orderId;
    @Column(name = "created_at", nullable = false, columnDefinition = "TIMESTAMP WITH TIME ZONE")
    public Instant createdAt;
    @Column(name = "updated_at", nullable = false, columnDefinition = "TIMESTAMP WITH TIME ZONE")
    public Instant updatedAt;
    /** The customer's tax exemption certificate, or null. */
    @Column(name = "tax_exemption_certificate", length = 128)
    public String taxExemptionCertificate;
    /** Where a shipped cart goes (its tax destination); all null for a sale over the counter. */
    @Column(name = "ship_to_country", length = 2)
    public String shipToCountry;
    @Column(name = "ship_to_region", length = 16)
    public String shipToRegion;
    @Column(name = "ship_to_postal_code", length = 16)
    public String shipToPostalCode;
    @Column(name = "ship_to_city")
    public String shipToCity;
    @Version
    public long version;

    @OneToMany(mappedBy = "cart", cascade = CascadeType.ALL, orphanRemoval = true)
    @OrderBy("lineNo")
    public List<CartLineEntity> lines = new ArrayList<>();

    @OneToMany(mappedBy = "cart", cascade = CascadeType.ALL, orphanRemoval = true)
    @OrderBy("createdAt")
    public List<TenderEntity> tenders = new ArrayList<>();
}
