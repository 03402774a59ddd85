package dev.firebell.security.oidc;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.nimbusds.jose.JOSEException;
import com.nimbusds.jose.JWSAlgorithm;
import com.nimbusds.jose.JWSHeader;
import com.nimbusds.jose.crypto.ECDSASigner;
import com.nimbusds.jose.crypto.RSASSASigner;
import com.nimbusds.jose.jwk.Curve;
import com.nimbusds.jose.jwk.ECKey;
import com.nimbusds.jose.jwk.JWK;
import com.nimbusds.jose.jwk.JWKSet;
import com.nimbusds.jose.jwk.RSAKey;
import com.nimbusds.jose.jwk.gen.ECKeyGenerator;
import com.nimbusds.jose.jwk.gen.RSAKeyGenerator;
import com.nimbusds.jwt.JWTClaimsSet;
import com.nimbusds.jwt.SignedJWT;
import java.time.Duration;
import java.time.Instant;
import java.util.Date;
import java.util.List;
import java.util.function.UnaryOperator;
import org.junit.jupiter.api.Test;

/** The ID token's checks, over tokens signed here at fixed times. */
class IdTokenCheckTest {
  private static final String ISSUER = "https://sso.example.com/realms/team";
  private static final String CLIENT = "firebell";
  private static final String NONCE = "n-0S6_WzA2Mj";
  private static final Instant NOW = Instant.parse("2026-11-28T16:10:00Z");
  private static final RSAKey RSA = rsa("rsa-1");
  private static final ECKey EC = ec();
  private static final JWKSet KEYS = new JWKSet(List.of(RSA.toPublicJWK(), EC.toPublicJWK()));

  @Test
  void anRs256AndAnEs256TokenFromTheIssuerForThisClientPass() throws Exception {
    assertThat(check(sign(RSA, claims(b -> b))).getStringClaim("email"))
        .isEqualTo("tessa@example.com");
    assertThat(check(sign(EC, claims(b -> b))).getSubject()).isEqualTo("tessa-sub");
  }

  @Test
  void aTokenSignedByAnotherKeyIsRefused() {
    RSAKey stranger = rsa("rsa-1"); // the same key id, another key
    assertRefused(sign(stranger, claims(b -> b)));
  }

  @Test
  void anExpiredTokenIsRefusedBeyondAMinuteOfSkew() throws Exception {
    assertRefused(sign(RSA, claims(b -> b.expirationTime(Date.from(NOW.minusSeconds(61))))));
    assertThat(check(sign(RSA, claims(b -> b.expirationTime(Date.from(NOW.minusSeconds(30)))))))
        .isNotNull();
  }

  @Test
  void anotherIssuerAudienceOrNonceIsRefused() {
    assertRefused(sign(RSA, claims(b -> b.issuer("https://evil.example.com"))));
    assertRefused(sign(RSA, claims(b -> b.audience("another-client"))));
    assertRefused(sign(RSA, claims(b -> b.claim("nonce", "replayed"))));
    assertRefused(sign(RSA, claims(b -> b.claim("nonce", null))));
  }

  @Test
  void anUnverifiedOrMissingEmailIsRefused() throws Exception {
    JWTClaimsSet unverified = claims(b -> b.claim("email_verified", false));
    assertThatThrownBy(() -> OidcSignIn.email(unverified, "email"))
        .isInstanceOf(OidcRefusal.class)
        .hasMessageContaining("is not verified");
    assertThatThrownBy(() -> OidcSignIn.email(claims(b -> b), "upn"))
        .hasMessage("the provider gave no upn for this account");
    assertThat(OidcSignIn.email(claims(b -> b.claim("email_verified", true)), "email"))
        .isEqualTo("tessa@example.com");
  }

  private static JWTClaimsSet claims(UnaryOperator<JWTClaimsSet.Builder> change) {
    return change
        .apply(
            new JWTClaimsSet.Builder()
                .issuer(ISSUER)
                .subject("tessa-sub")
                .audience(CLIENT)
                .issueTime(Date.from(NOW.minus(Duration.ofSeconds(5))))
                .expirationTime(Date.from(NOW.plus(Duration.ofMinutes(5))))
                .claim("nonce", NONCE)
                .claim("email", "tessa@example.com"))
        .build();
  }

  private static String sign(JWK key, JWTClaimsSet claims) {
    try {
      boolean rsa = key instanceof RSAKey;
      SignedJWT jwt =
          new SignedJWT(
              new JWSHeader.Builder(rsa ? JWSAlgorithm.RS256 : JWSAlgorithm.ES256)
                  .keyID(key.getKeyID())
                  .build(),
              claims);
      jwt.sign(rsa ? new RSASSASigner((RSAKey) key) : new ECDSASigner((ECKey) key));
      return jwt.serialize();
    } catch (JOSEException e) {
      throw new IllegalStateException(e);
    }
  }

  private static JWTClaimsSet check(String token) throws OidcRefusal {
    return IdTokenCheck.claims(token, KEYS, ISSUER, CLIENT, NONCE, NOW);
  }

  private static void assertRefused(String token) {
    assertThatThrownBy(() -> check(token))
        .isInstanceOf(OidcRefusal.class)
        .satisfies(e -> assertThat(((OidcRefusal) e).status()).isEqualTo(401));
  }

  private static RSAKey rsa(String id) {
    try {
      return new RSAKeyGenerator(2048).keyID(id).generate();
    } catch (JOSEException e) {
      throw new IllegalStateException(e);
    }
  }

  private static ECKey ec() {
    try {
      return new ECKeyGenerator(Curve.P_256).keyID("ec-1").generate();
    } catch (JOSEException e) {
      throw new IllegalStateException(e);
    }
  }
}
