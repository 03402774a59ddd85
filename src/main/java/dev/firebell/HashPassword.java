package dev.firebell;

import dev.firebell.security.Passwords;
import java.io.BufferedReader;
import java.io.Console;
import java.io.IOException;
import java.io.InputStreamReader;
import java.nio.charset.StandardCharsets;

/**
 * {@code java -jar firebell.jar hash-password}: reads a password from standard input (without echo
 * on a terminal) and prints its bcrypt hash for {@code users[].passwordHash}.
 */
final class HashPassword {
  private HashPassword() {}

  static int run(String[] args) {
    if (args.length > 1) {
      System.err.println("usage: java -jar firebell.jar hash-password < password.txt");
      return 2;
    }
    String password = read();
    if (password == null || password.isEmpty()) {
      System.err.println("firebell: no password on standard input");
      return 2;
    }
    if (password.getBytes(StandardCharsets.UTF_8).length > 72) {
      System.err.println(
          "firebell: bcrypt uses at most 72 bytes of a password; choose a shorter one");
      return 2;
    }
    System.out.println(Passwords.hash(password));
    return 0;
  }

  private static String read() {
    Console console = System.console();
    if (console != null) {
      char[] typed = console.readPassword("Password: ");
      return typed == null ? null : new String(typed);
    }
    try {
      return new BufferedReader(new InputStreamReader(System.in, StandardCharsets.UTF_8))
          .readLine();
    } catch (IOException e) {
      return null;
    }
  }
}
