package dev.firebell.importer;

import java.nio.file.Path;
import java.util.List;
import java.util.Map;

/**
 * {@code firebell import <pagerduty|opsgenie|oncall> --url <API root> --token <token> --out <file>
 * [--verify]}; the token may come from {@code FIREBELL_IMPORT_TOKEN} instead.
 */
public record ImportArgs(String vendor, String url, String token, Path out, boolean verify) {
  public static final String TOKEN_VARIABLE = "FIREBELL_IMPORT_TOKEN";
  public static final List<String> VENDORS = List.of("pagerduty", "opsgenie", "oncall");
  public static final String USAGE =
      "usage: firebell import <pagerduty|opsgenie|oncall> --url <API root> --token <token>"
          + " --out <file> [--verify]   (or the token in "
          + TOKEN_VARIABLE
          + ")";

  /** A command line that cannot run: the problem, printed before the usage. */
  public static final class Wrong extends Exception {
    Wrong(String message) {
      super(message);
    }
  }

  /** Reads the arguments after {@code import}. */
  public static ImportArgs parse(List<String> args, Map<String, String> env) throws Wrong {
    if (args.isEmpty() || !VENDORS.contains(args.get(0))) {
      throw new Wrong(
          args.isEmpty() ? "which tool to import from?" : "unknown tool '" + args.get(0) + "'");
    }
    String url = null;
    String token = null;
    Path out = null;
    boolean verify = false;
    for (int i = 1; i < args.size(); i++) {
      String arg = args.get(i);
      switch (arg) {
        case "--verify" -> verify = true;
        case "--url", "--token", "--out" -> {
          if (i + 1 >= args.size()) {
            throw new Wrong(arg + " needs a value");
          }
          String value = args.get(++i);
          switch (arg) {
            case "--url" -> url = value;
            case "--token" -> token = value;
            default -> out = Path.of(value);
          }
        }
        default -> throw new Wrong("unknown argument '" + arg + "'");
      }
    }
    if (token == null || token.isBlank()) {
      token = env.get(TOKEN_VARIABLE);
    }
    if (url == null || url.isBlank()) {
      throw new Wrong("--url is required");
    }
    if (token == null || token.isBlank()) {
      throw new Wrong("--token (or " + TOKEN_VARIABLE + ") is required");
    }
    if (out == null) {
      throw new Wrong("--out is required");
    }
    return new ImportArgs(args.get(0), url, token, out, verify);
  }
}
