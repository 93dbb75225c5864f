package org.omnitill.persistence.model;

import java.time.Instant;

import javax.persistence.Column;
import javax.persistence.Entity;
import javax.persistence.Id;
import javax.persistence.Table;

/** A bearer token that was logged out before it expired; kept until it would have expired anyway. */
@Entity
@Table(name = "OT_REVOKED_TOKEN")
public class RevokedTokenEntity {
    @Id
    @Column(name = "token_id", length = 64)
    public String tokenId;
    @Column(name = "expires_at", nullable = false, columnDefinition = "TIMESTAMP WITH TIME ZONE")
    public Instant expiresAt;
    @Column(length = 128, nullable = false)
    public String username;
}
