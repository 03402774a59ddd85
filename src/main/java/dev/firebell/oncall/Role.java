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

  /**
   * Whether {@code person}, with this role, may change the rota for the people a change names (an
   * override's person and whom it replaces, a request's requester): an admin for anyone, anybody
   * else only when it names them.
   */
  public boolean mayChangeFor(String person, String... named) {
    if (allows(ADMIN)) {
      return true;
    }
    for (String id : named) {
      if (person.equals(id)) {
        return true;
      }
    }
    return false;
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
