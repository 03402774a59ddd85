package dev.firebell.security.oidc;

import com.nimbusds.jose.JOSEException;
import com.nimbusds.jose.JWSAlgorithm;
import com.nimbusds.jose.jwk.JWKSet;
import com.nimbusds.jose.jwk.source.ImmutableJWKSet;
import com.nimbusds.jose.proc.BadJOSEException;
import com.nimbusds.jose.proc.JWSVerificationKeySelector;
import com.nimbusds.jose.proc.SecurityContext;
import com.nimbusds.jwt.JWTClaimsSet;
import com.nimbusds.jwt.proc.DefaultJWTClaimsVerifier;
import com.nimbusds.jwt.proc.DefaultJWTProcessor;
import java.text.ParseException;
import java.time.Instant;
import java.util.Date;
import java.util.Set;

/**
 * The checks an ID token must pass before anyone is signed in by it: signed (RS256 or ES256) by one
 * of the provider's keys, issued by the configured issuer for this client ({@code aud}), not
 * expired at {@code now} (a minute of clock skew allowed) and carrying this sign-in's {@code
 * nonce}.
 */
public final class IdTokenCheck {
  private static final Set<JWSAlgorithm> ALGORITHMS =
      Set.of(JWSAlgorithm.RS256, JWSAlgorithm.ES256);

  private IdTokenCheck() {}

  /** The token's claims; {@link OidcRefusal} (401) naming what failed otherwise. */
  public static JWTClaimsSet claims(
      String idToken, JWKSet keys, String issuer, String clientId, String nonce, Instant now)
      throws OidcRefusal {
    DefaultJWTProcessor<SecurityContext> processor = new DefaultJWTProcessor<>();
    processor.setJWSKeySelector(
        new JWSVerificationKeySelector<>(ALGORITHMS, new ImmutableJWKSet<>(keys)));
    processor.setJWTClaimsSetVerifier(
        new DefaultJWTClaimsVerifier<>(
            clientId,
            new JWTClaimsSet.Builder().issuer(issuer).claim("nonce", nonce).build(),
            Set.of("sub", "exp", "iat")) {
          @Override
          protected Date currentTime() {
            return Date.from(now);
          }
        });
    try {
      return processor.process(idToken, null);
    } catch (ParseException e) {
      throw new OidcRefusal(401, "the ID token is not a JWT");
    } catch (BadJOSEException | JOSEException e) {
      throw new OidcRefusal(401, "the ID token failed its checks: " + e.getMessage());
    }
  }
}
