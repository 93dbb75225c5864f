package org.omnitill.persistence.model;

import javax.persistence.Column;
import javax.persistence.Entity;
import javax.persistence.Id;
import javax.persistence.Index;
import javax.persistence.Table;

/** A barcode of an article, keyed by its GTIN-14 so EAN-13 and UPC-A forms of one article are one row. */
@Entity
@Table(name = "OT_BARCODE", indexes = @Index(name = "OT_BARCODE_SKU", columnList = "sku"))
public class BarcodeEntity {
    @Id
    @Column(length = 14)
    public String gtin14;
    @Column(name = "printed_code", length = 14, nullable = false)
    public String code;
    @Column(length = 64, nullable = false)
    public String sku;
}
