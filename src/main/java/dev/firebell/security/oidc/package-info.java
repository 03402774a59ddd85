/**
 * Single sign-on through an OpenID Connect provider: the authorization-code flow with PKCE, {@code
 * state} and {@code nonce} ({@link dev.firebell.security.oidc.OidcSignIn}), the provider's
 * discovery document and keys fetched over OkHttp ({@link
 * dev.firebell.security.oidc.OidcProvider}), and the ID token's checks ({@link
 * dev.firebell.security.oidc.IdTokenCheck}), done with the Nimbus SDK.
 */
package dev.firebell.security.oidc;
