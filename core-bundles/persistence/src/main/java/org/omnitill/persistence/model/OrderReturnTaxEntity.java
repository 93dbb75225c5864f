package org.omnitill.persistence.model;

import java.math.BigDecimal;

import javax.persistence.Column;
import javax.persistence.Entity;
import javax.persistence.Id;
import javax.persistence.JoinColumn;
import javax.persistence.ManyToOne;
import javax.persistence.Table;

/** The tax of one rate a return refunded, attributed from the order's stored taxes; amounts positive. */
@Entity
@Table(name = "OT_ORDER_RETURN_TAX")
public class OrderReturnTaxEntity {
    @Id
    @Column(length = 36)
    public String id;
    @ManyToOne(optional = false)
    @JoinColumn(name = "return_id", nullable = false)
    public OrderReturnEntity orderReturn;
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
