package dev.firebell.security.oidc;

import com.nimbusds.jose.jwk.JWKSet;
import com.nimbusds.oauth2.sdk.ParseException;
import com.nimbusds.oauth2.sdk.TokenRequest;
import com.nimbusds.oauth2.sdk.TokenResponse;
import com.nimbusds.oauth2.sdk.http.HTTPRequest;
import com.nimbusds.oauth2.sdk.http.HTTPResponse;
import com.nimbusds.openid.connect.sdk.OIDCTokenResponseParser;
import com.nimbusds.openid.connect.sdk.op.OIDCProviderMetadata;
import dev.firebell.config.AuthConfig;
import java.io.IOException;
import java.util.List;
import java.util.Map;
import okhttp3.MediaType;
import okhttp3.OkHttpClient;
import okhttp3.Request;
import okhttp3.RequestBody;
import okhttp3.Response;
import okhttp3.ResponseBody;

/**
 * The OpenID Connect provider as its discovery document describes it, fetched (with its keys) over
 * OkHttp on first use and kept; the keys are fetched again when a token names one not seen yet.
 */
public final class OidcProvider {
  private final AuthConfig.Oidc config;
  private final OkHttpClient http;
  private volatile OIDCProviderMetadata metadata;
  private volatile JWKSet keys;

  public OidcProvider(AuthConfig.Oidc config, OkHttpClient http) {
    this.config = config;
    this.http = http;
  }

  AuthConfig.Oidc config() {
    return config;
  }

  OIDCProviderMetadata metadata() throws OidcRefusal {
    OIDCProviderMetadata known = metadata;
    if (known != null) {
      return known;
    }
    String url = config.issuer() + "/.well-known/openid-configuration";
    try {
      OIDCProviderMetadata read = OIDCProviderMetadata.parse(get(url));
      String named = read.getIssuer().getValue();
      if (!(named.endsWith("/") ? named.substring(0, named.length() - 1) : named)
          .equals(config.issuer())) {
        throw new OidcRefusal(
            503,
            "the discovery document at "
                + url
                + " names the issuer "
                + read.getIssuer()
                + ", not auth.oidc.issuer");
      }
      metadata = read;
      return read;
    } catch (ParseException e) {
      throw new OidcRefusal(503, "the discovery document at " + url + " cannot be read");
    }
  }

  /** The provider's keys; {@code fresh} fetches them again (a key rotated in). */
  JWKSet keys(boolean fresh) throws OidcRefusal {
    JWKSet known = keys;
    if (known != null && !fresh) {
      return known;
    }
    String url = metadata().getJWKSetURI().toString();
    try {
      JWKSet read = JWKSet.parse(get(url));
      keys = read;
      return read;
    } catch (java.text.ParseException e) {
      throw new OidcRefusal(503, "the keys at " + url + " cannot be read");
    }
  }

  /** Sends the token request the SDK built, over OkHttp, and reads the answer with the SDK. */
  TokenResponse token(TokenRequest request) throws OidcRefusal {
    HTTPRequest sdk = request.toHTTPRequest();
    Request.Builder builder = new Request.Builder().url(sdk.getURL());
    for (Map.Entry<String, List<String>> header : sdk.getHeaderMap().entrySet()) {
      for (String value : header.getValue()) {
        builder.addHeader(header.getKey(), value);
      }
    }
    builder.post(
        RequestBody.create(
            sdk.getBody(), MediaType.get("application/x-www-form-urlencoded; charset=utf-8")));
    try (Response response = http.newCall(builder.build()).execute()) {
      HTTPResponse answer = new HTTPResponse(response.code());
      String type = response.header("Content-Type");
      if (type != null) {
        answer.setHeader("Content-Type", type);
      }
      ResponseBody body = response.body();
      answer.setBody(body == null ? "" : body.string());
      return OIDCTokenResponseParser.parse(answer);
    } catch (IOException e) {
      throw new OidcRefusal(503, "the provider's token endpoint is unreachable: " + e.getMessage());
    } catch (ParseException e) {
      throw new OidcRefusal(401, "the provider's token answer cannot be read: " + e.getMessage());
    }
  }

  private String get(String url) throws OidcRefusal {
    Request request =
        new Request.Builder().url(url).header("Accept", "application/json").get().build();
    try (Response response = http.newCall(request).execute()) {
      ResponseBody body = response.body();
      if (!response.isSuccessful() || body == null) {
        throw new OidcRefusal(503, url + " answered HTTP " + response.code());
      }
      return body.string();
    } catch (IOException e) {
      throw new OidcRefusal(503, url + " is unreachable: " + e.getMessage());
    }
  }
}
