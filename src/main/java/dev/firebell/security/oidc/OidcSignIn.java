package dev.firebell.security.oidc;

import com.nimbusds.jwt.JWTClaimsSet;
import com.nimbusds.oauth2.sdk.AuthorizationCode;
import com.nimbusds.oauth2.sdk.AuthorizationCodeGrant;
import com.nimbusds.oauth2.sdk.ResponseType;
import com.nimbusds.oauth2.sdk.Scope;
import com.nimbusds.oauth2.sdk.TokenRequest;
import com.nimbusds.oauth2.sdk.TokenResponse;
import com.nimbusds.oauth2.sdk.auth.ClientSecretBasic;
import com.nimbusds.oauth2.sdk.auth.Secret;
import com.nimbusds.oauth2.sdk.id.ClientID;
import com.nimbusds.oauth2.sdk.id.State;
import com.nimbusds.oauth2.sdk.pkce.CodeChallengeMethod;
import com.nimbusds.oauth2.sdk.pkce.CodeVerifier;
import com.nimbusds.openid.connect.sdk.AuthenticationRequest;
import com.nimbusds.openid.connect.sdk.Nonce;
import com.nimbusds.openid.connect.sdk.OIDCTokenResponse;
import com.nimbusds.openid.connect.sdk.op.OIDCProviderMetadata;
import dev.firebell.config.AuthConfig;
import dev.firebell.security.Hashing;
import dev.firebell.store.Repositories;
import java.net.URI;
import java.security.SecureRandom;
import java.time.Clock;
import java.time.Duration;
import java.util.Base64;
import java.util.Optional;
import org.jdbi.v3.core.Jdbi;

/**
 * Sign-in through the provider: {@link #start} sends the browser to the authorization endpoint with
 * a fresh {@code state}, {@code nonce} and PKCE (S256) challenge, bound to this browser by a
 * cookie; {@link #finish} takes them back once, exchanges the code, checks the ID token and answers
 * the verified email it names.
 */
public final class OidcSignIn {
  /** A sign-in must come back within this long. */
  static final Duration PATIENCE = Duration.ofMinutes(10);

  private final OidcProvider provider;
  private final Jdbi jdbi;
  private final Clock clock;
  private final SecureRandom random = new SecureRandom();

  public OidcSignIn(OidcProvider provider, Jdbi jdbi, Clock clock) {
    this.provider = provider;
    this.jdbi = jdbi;
    this.clock = clock;
  }

  /** Where the browser goes, and the value of the cookie that binds the sign-in to it. */
  public record Started(URI redirect, String browserToken) {}

  public Started start(String callbackUrl) throws OidcRefusal {
    AuthConfig.Oidc config = provider.config();
    OIDCProviderMetadata metadata = provider.metadata();
    State state = new State();
    Nonce nonce = new Nonce();
    CodeVerifier verifier = new CodeVerifier();
    byte[] browser = new byte[32];
    random.nextBytes(browser);
    String browserToken = Base64.getUrlEncoder().withoutPadding().encodeToString(browser);
    Repositories.use(
        jdbi,
        OidcLoginRepository::new,
        r ->
            r.insert(
                Hashing.sha256Hex(state.getValue()),
                Hashing.sha256Hex(browserToken),
                new PendingLogin(nonce.getValue(), verifier.getValue()),
                clock.instant()));
    AuthenticationRequest request =
        new AuthenticationRequest.Builder(
                ResponseType.CODE,
                new Scope(config.scopes().toArray(String[]::new)),
                new ClientID(config.clientId()),
                URI.create(callbackUrl))
            .endpointURI(metadata.getAuthorizationEndpointURI())
            .state(state)
            .nonce(nonce)
            .codeChallenge(verifier, CodeChallengeMethod.S256)
            .build();
    return new Started(request.toURI(), browserToken);
  }

  /**
   * The verified email of who signed in.
   *
   * @param error the provider's {@code error} parameter, when it sent one instead of a code
   */
  public String finish(
      String state, String code, String error, String browserToken, String callbackUrl)
      throws OidcRefusal {
    if (state == null || browserToken == null) {
      throw new OidcRefusal(400, "this sign-in was not started in this browser");
    }
    Optional<PendingLogin> pending =
        Repositories.with(
            jdbi,
            OidcLoginRepository::new,
            r ->
                r.take(
                    Hashing.sha256Hex(state),
                    Hashing.sha256Hex(browserToken),
                    clock.instant().minus(PATIENCE)));
    if (pending.isEmpty()) {
      throw new OidcRefusal(
          400,
          "this sign-in was not started in this browser, was finished already, or is older than"
              + " 10 minutes");
    }
    if (error != null) {
      throw new OidcRefusal(401, "the provider did not sign you in: " + error);
    }
    if (code == null) {
      throw new OidcRefusal(400, "the provider sent no code");
    }
    AuthConfig.Oidc config = provider.config();
    OIDCProviderMetadata metadata = provider.metadata();
    AuthorizationCodeGrant grant =
        new AuthorizationCodeGrant(
            new AuthorizationCode(code),
            URI.create(callbackUrl),
            new CodeVerifier(pending.get().verifier()));
    TokenRequest request =
        config.clientSecret().isEmpty()
            ? new TokenRequest(
                metadata.getTokenEndpointURI(), new ClientID(config.clientId()), grant, null)
            : new TokenRequest(
                metadata.getTokenEndpointURI(),
                new ClientSecretBasic(
                    new ClientID(config.clientId()), new Secret(config.clientSecret())),
                grant);
    TokenResponse response = provider.token(request);
    if (!response.indicatesSuccess()) {
      throw new OidcRefusal(
          401,
          "the provider refused the code: "
              + response.toErrorResponse().getErrorObject().getCode());
    }
    String idToken =
        ((OIDCTokenResponse) response.toSuccessResponse()).getOIDCTokens().getIDTokenString();
    JWTClaimsSet claims = checked(idToken, pending.get().nonce());
    return email(claims, config.emailClaim());
  }

  /** The token's claims, fetching the provider's keys again once if they fail (a new key). */
  private JWTClaimsSet checked(String idToken, String nonce) throws OidcRefusal {
    String clientId = provider.config().clientId();
    // As the provider spells it (Authentik's ends with a slash): tokens carry it so.
    String issuer = provider.metadata().getIssuer().getValue();
    try {
      return IdTokenCheck.claims(
          idToken, provider.keys(false), issuer, clientId, nonce, clock.instant());
    } catch (OidcRefusal first) {
      return IdTokenCheck.claims(
          idToken, provider.keys(true), issuer, clientId, nonce, clock.instant());
    }
  }

  /** The email claim, when the provider has not said it is unverified. */
  static String email(JWTClaimsSet claims, String emailClaim) throws OidcRefusal {
    Object email = claims.getClaim(emailClaim);
    if (!(email instanceof String text) || text.isBlank()) {
      throw new OidcRefusal(403, "the provider gave no " + emailClaim + " for this account");
    }
    if (Boolean.FALSE.equals(claims.getClaim("email_verified"))) {
      throw new OidcRefusal(403, "the provider says " + text + " is not verified");
    }
    return text.strip();
  }
}
