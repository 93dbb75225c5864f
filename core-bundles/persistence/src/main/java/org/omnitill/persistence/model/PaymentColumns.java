package org.omnitill.persistence.model;

import java.math.BigDecimal;
import java.time.Instant;

import javax.persistence.Column;
import javax.persistence.EnumType;
import javax.persistence.Enumerated;
import javax.persistence.Id;
import javax.persistence.MappedSuperclass;

import org.omnitill.api.payment.TenderStatus;

/** The columns a cart's tender and the order payment copied from it share. The id is the payment id the provider saw. */
@MappedSuperclass
public abstract class PaymentColumns {
    @Id
    @Column(length = 36)
    public String id;
    @Column(length = 64, nullable = false)
    public String method;
    @Enumerated(EnumType.STRING)
    @Column(length = 16, nullable = false)
    public TenderStatus status;
    @Column(precision = 19, scale = 4, nullable = false)
    public BigDecimal amount;
    @Column(precision = 19, scale = 4, nullable = false)
    public BigDecimal tendered;
    @Column(name = "change_given", precision = 19, scale = 4, nullable = false)
    public BigDecimal changeGiven;
    @Column(precision = 19, scale = 4, nullable = false)
    public BigDecimal rounding;
    @Column(name = "provider_reference")
    public String reference;
    @Column(name = "created_at", nullable = false, columnDefinition = "TIMESTAMP WITH TIME ZONE")
    public Instant createdAt;
    /** What may be kept of a card payment: never the card number. */
    @Column(name = "card_brand", length = 32)
    public String cardBrand;
    @Column(name = "masked_pan", length = 32)
    public String maskedPan;
    @Column(name = "authorisation_code", length = 32)
    public String authorisationCode;
}
