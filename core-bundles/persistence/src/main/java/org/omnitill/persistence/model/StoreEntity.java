package org.omnitill.persistence.model;

import javax.persistence.Column;
import javax.persistence.Entity;
import javax.persistence.EnumType;
import javax.persistence.Enumerated;
import javax.persistence.Id;
import javax.persistence.Table;

import org.omnitill.api.store.LocationType;

/** A store or warehouse. Stores belong to an organisation so franchises can share one database later. */
@Entity
@Table(name = "OT_STORE")
public class StoreEntity {
    @Id
    @Column(length = 64)
    public String id;
    @Column(name = "organization_id", length = 64, nullable = false)
    public String organizationId = "default";
    @Column(nullable = false)
    public String name;
    @Enumerated(EnumType.STRING)
    @Column(name = "location_type", length = 16, nullable = false)
    public LocationType type;
    @Column(length = 2, nullable = false)
    public String country;
    @Column(length = 16)
    public String region;
    @Column(name = "postal_code", length = 16)
    public String postalCode;
    public String city;
    @Column(length = 3, nullable = false)
    public String currency;
    @Column(name = "prices_include_tax", nullable = false)
    public boolean pricesIncludeTax;
    /** IANA zone id of the store's business day, e.g. Europe/Berlin; null means UTC (and receipts in the server's zone). */
    @Column(name = "time_zone", length = 64)
    public String timeZone;
}
