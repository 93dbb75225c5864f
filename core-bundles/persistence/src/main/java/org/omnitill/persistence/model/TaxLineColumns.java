package org.omnitill.persistence.model;

import java.math.BigDecimal;

import javax.persistence.Column;
import javax.persistence.Id;
import javax.persistence.MappedSuperclass;

/** The columns of a stored tax line (one rate of one jurisdiction), shared by orders and returns. */
@MappedSuperclass
public abstract class TaxLineColumns {
    @Id
    @Column(length = 36)
    public String id;
    @Column(nullable = false)
    public int position;
    @Column(length = 32, nullable = false)
    public String jurisdiction;
    @Column(name = "tax_code", length = 64, nullable = false)
    public String code;
    @Column(nullable = false)
    public String name;
    @Column(precision = 9, scale = 4, nullable = false)
    public BigDecimal rate;
    @Column(name = "taxable_amount", precision = 19, scale = 4, nullable = false)
    public BigDecimal taxableAmount;
    @Column(precision = 19, scale = 4, nullable = false)
    public BigDecimal tax;
    @Column(name = "gross_amount", precision = 19, scale = 4, nullable = false)
    public BigDecimal grossAmount;
}
