package dev.firebell.security.oidc;

/** A sign-in that went to the provider: the nonce its ID token must carry, the PKCE verifier. */
record PendingLogin(String nonce, String verifier) {}
