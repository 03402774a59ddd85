package dev.firebell.config;

/** JDBC connection: an embedded H2 file by default, PostgreSQL for several instances. */
public record DatabaseConfig(String url, String username, String password, Integer maxPoolSize) {

  public static final String DEFAULT_URL = "jdbc:h2:file:./data/firebell";

  public DatabaseConfig {
    url = url == null ? DEFAULT_URL : url.strip();
    username = username == null ? "" : username;
    password = password == null ? "" : password;
    maxPoolSize = maxPoolSize == null ? 8 : maxPoolSize;
  }

  public static DatabaseConfig defaults() {
    return new DatabaseConfig(null, null, null, null);
  }

  public static DatabaseConfig of(String url) {
    return new DatabaseConfig(url, null, null, null);
  }

  public boolean isH2() {
    return url.startsWith("jdbc:h2:");
  }

  public boolean isPostgres() {
    return url.startsWith("jdbc:postgresql:");
  }

  /** An in-memory H2 database keeps nothing across restarts, so it needs no disk syncs. */
  public boolean isH2InMemory() {
    return url.startsWith("jdbc:h2:mem:");
  }
}
