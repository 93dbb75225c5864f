package org.omnitill.persistence.model;

import javax.persistence.Column;
import javax.persistence.Entity;
import javax.persistence.EnumType;
import javax.persistence.Enumerated;
import javax.persistence.Id;
import javax.persistence.Table;

import org.omnitill.api.catalog.UnitOfMeasure;

@Entity
@Table(name = "OT_PRODUCT")
public class ProductEntity {
    @Id
    @Column(length = 64)
    public String sku;
    @Column(nullable = false)
    public String name;
    @Column(name = "tax_category", length = 32, nullable = false)
    public String taxCategory;
    @Enumerated(EnumType.STRING)
    @Column(name = "unit_of_measure", length = 16, nullable = false)
    public UnitOfMeasure unit;
}
