package org.omnitill.persistence.model;

import javax.persistence.Column;
import javax.persistence.Entity;
import javax.persistence.Id;
import javax.persistence.Table;

/** The next order number of a store. Locked for update at checkout so numbers have no gaps or twins. */
@Entity
@Table(name = "OT_ORDER_SEQUENCE")
public class OrderSequenceEntity {
    @Id
    @Column(name = "store_id", length = 64)
    public String storeId;
    @Column(name = "next_number", nullable = false)
    public long nextNumber = 1;
}
