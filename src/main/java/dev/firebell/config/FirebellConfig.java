package dev.firebell.config;

/**
 * Everything read from {@code firebell.yaml}. Each section falls back to its documented defaults
 * when it is left out of the file.
 */
public record FirebellConfig(
    ServerConfig server,
    DatabaseConfig database,
    IngestConfig ingest,
    ApiConfig api,
    SeverityConfig severity,
    IncidentsConfig incidents) {

  public FirebellConfig {
    server = server == null ? ServerConfig.defaults() : server;
    database = database == null ? DatabaseConfig.defaults() : database;
    ingest = ingest == null ? IngestConfig.defaults() : ingest;
    api = api == null ? ApiConfig.defaults() : api;
    severity = severity == null ? SeverityConfig.defaults() : severity;
    incidents = incidents == null ? IncidentsConfig.defaults() : incidents;
  }

  public static FirebellConfig defaults() {
    return new FirebellConfig(null, null, null, null, null, null);
  }

  public FirebellConfig withServer(ServerConfig newServer) {
    return new FirebellConfig(newServer, database, ingest, api, severity, incidents);
  }

  public FirebellConfig withDatabase(DatabaseConfig newDatabase) {
    return new FirebellConfig(server, newDatabase, ingest, api, severity, incidents);
  }

  public FirebellConfig withIngest(IngestConfig newIngest) {
    return new FirebellConfig(server, database, newIngest, api, severity, incidents);
  }

  public FirebellConfig withApi(ApiConfig newApi) {
    return new FirebellConfig(server, database, ingest, newApi, severity, incidents);
  }

  public FirebellConfig withIncidents(IncidentsConfig newIncidents) {
    return new FirebellConfig(server, database, ingest, api, severity, newIncidents);
  }
}
