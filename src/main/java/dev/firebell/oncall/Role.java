package dev.firebell.oncall;

import java.util.Locale;
import java.util.Optional;

/**
 * What a person may do. Viewers read; responders also act on incidents and change the rota for
 * themselves; admins also reload the rota, manage maintenance windows, override for anyone and
 * manage anyone's tokens. Each role may do all that the ones before it may.
 */
public enum Role {
  VIEWER,
  RESPONDER,
  ADMIN;

  public boolean allows(Role needed) {
    return compareTo(needed) >= 0;
  }

  public String wireName() {
    return name().toLowerCase(Locale.ROOT);
  }

  public static Optional<Role> parse(String text) {
    for (Role role : values()) {
      if (role.wireName().equals(text)) {
        return Optional.of(role);
      }
    }
    return Optional.empty();
  }
}
