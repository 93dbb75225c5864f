package org.omnitill.persistence.model;

import java.time.Instant;

import javax.persistence.Column;
import javax.persistence.Entity;
import javax.persistence.Id;
import javax.persistence.Table;

/** The PIN a user signs in with at a register, as a salted PBKDF2 hash; never the PIN itself. */
@Entity
@Table(name = "OT_STAFF_PIN")
public class StaffPinEntity {
    @Id
    @Column(length = 128)
    public String username;
    @Column(name = "pin_hash", length = 255, nullable = false)
    public String pinHash;
    @Column(name = "updated_at", nullable = false, columnDefinition = "TIMESTAMP WITH TIME ZONE")
    public Instant updatedAt;
    @Column(name = "updated_by", length = 128, nullable = false)
    public String updatedBy;
}
