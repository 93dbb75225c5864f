package org.omnitill.rest.internal;

import java.text.ParseException;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.Date;
import java.util.HashSet;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.UUID;

import com.nimbusds.jose.JOSEException;
import com.nimbusds.jose.JWSAlgorithm;
import com.nimbusds.jose.JWSHeader;
import com.nimbusds.jose.JWSSigner;
import com.nimbusds.jose.JWSVerifier;
import com.nimbusds.jose.crypto.MACSigner;
import com.nimbusds.jose.crypto.MACVerifier;
import com.nimbusds.jwt.JWTClaimsSet;
import com.nimbusds.jwt.SignedJWT;

/**
 * Issues and checks the bearer tokens of the API: JWTs signed with HMAC-SHA256 under a secret of
 * this installation, carrying the user, their roles, the register of a PIN sign-in and an id by
 * which logout revokes them. Roles are fixed at sign-in, so a role change applies from the next one.
 */
final class TokenService {

    static final String ISSUER = "omnitill";
    private static final String ROLES = "roles";
    private static final String REGISTER = "reg";

    private final JWSSigner signer;
    private final JWSVerifier verifier;
    private final Duration ttl;
    private final Clock clock;

    /** @param secret at least 32 bytes */
    TokenService(byte[] secret, Duration ttl, Clock clock) {
        try {
            this.signer = new MACSigner(secret);
            this.verifier = new MACVerifier(secret);
        } catch (JOSEException e) {
            throw new IllegalArgumentException("the token signing secret must be at least 256 bits", e);
        }
        this.ttl = ttl;
        this.clock = clock;
    }

    record IssuedToken(String token, String tokenId, Instant expiresAt) {
        @Override
        public String toString() {
            return "IssuedToken[tokenId=" + tokenId + ", expiresAt=" + expiresAt + "]";
        }
    }

    IssuedToken issue(String username, Set<String> roles, String registerId) {
        Instant now = clock.instant();
        Instant expires = now.plus(ttl);
        String id = UUID.randomUUID().toString();
        JWTClaimsSet.Builder claims = new JWTClaimsSet.Builder()
                .issuer(ISSUER)
                .subject(username)
                .jwtID(id)
                .issueTime(Date.from(now))
                .expirationTime(Date.from(expires))
                .claim(ROLES, List.copyOf(new HashSet<>(roles)));
        if (registerId != null) {
            claims.claim(REGISTER, registerId);
        }
        SignedJWT jwt = new SignedJWT(new JWSHeader(JWSAlgorithm.HS256), claims.build());
        try {
            jwt.sign(signer);
        } catch (JOSEException e) {
            throw new IllegalStateException("could not sign a token", e);
        }
        return new IssuedToken(jwt.serialize(), id, expires);
    }

    /** The principal of a token that is well-formed, signed by us, of our issuer and not expired. */
    Optional<OmnitillPrincipal> verify(String token) {
        try {
            SignedJWT jwt = SignedJWT.parse(token);
            if (!JWSAlgorithm.HS256.equals(jwt.getHeader().getAlgorithm()) || !jwt.verify(verifier)) {
                return Optional.empty();
            }
            JWTClaimsSet claims = jwt.getJWTClaimsSet();
            Date expires = claims.getExpirationTime();
            if (!ISSUER.equals(claims.getIssuer()) || claims.getSubject() == null || claims.getJWTID() == null
                    || expires == null || !clock.instant().isBefore(expires.toInstant())) {
                return Optional.empty();
            }
            List<String> roles = claims.getStringListClaim(ROLES);
            return Optional.of(new OmnitillPrincipal(claims.getSubject(), roles == null ? Set.of() : Set.copyOf(roles),
                    claims.getStringClaim(REGISTER), claims.getJWTID(), expires.toInstant()));
        } catch (ParseException | JOSEException | RuntimeException e) {
            return Optional.empty();
        }
    }
}
