package org.omnitill.persistence.model;

import javax.persistence.Column;
import javax.persistence.Entity;
import javax.persistence.Id;
import javax.persistence.Table;

/**
 * The next return number of a store. Kept apart from the order numbers so returns leave no gaps in
 * them; locked for update when a return is processed.
 */
@Entity
@Table(name = "OT_RETURN_SEQUENCE")
public class ReturnSequenceEntity {
    @Id
    @Column(name = "store_id", length = 64)
    public String storeId;
    @Column(name = "next_number", nullable = false)
    public long nextNumber = 1;
}
