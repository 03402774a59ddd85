package dev.firebell.config;

import dev.firebell.channel.email.SmtpConfig;
import dev.firebell.channel.pushover.PushoverConfig;
import dev.firebell.channel.telegram.TelegramConfig;
import dev.firebell.channel.twilio.TwilioConfig;
import java.util.List;

/**
 * Everything read from {@code firebell.yaml}. Each section falls back to its documented defaults
 * when it is left out of the file; {@code with…} copies serve tests that build configs directly.
 */
public record FirebellConfig(
    ServerConfig server,
    DatabaseConfig database,
    IngestConfig ingest,
    ApiConfig api,
    SeverityConfig severity,
    IncidentsConfig incidents,
    OnCallSettings oncall,
    SecurityConfig security,
    PagingConfig paging,
    SmtpConfig smtp,
    TwilioConfig twilio,
    PostmortemConfig postmortem,
    MetricsConfig metrics,
    List<MaintenanceEntry> maintenance,
    List<UserConfig> users,
    List<HeartbeatEntry> heartbeats,
    SilencesConfig silences,
    GrafanaConfig grafana,
    PushoverConfig pushover,
    TelegramConfig telegram) {

  public FirebellConfig {
    server = server == null ? ServerConfig.defaults() : server;
    database = database == null ? DatabaseConfig.defaults() : database;
    ingest = ingest == null ? IngestConfig.defaults() : ingest;
    api = api == null ? ApiConfig.defaults() : api;
    severity = severity == null ? SeverityConfig.defaults() : severity;
    incidents = incidents == null ? IncidentsConfig.defaults() : incidents;
    oncall = oncall == null ? OnCallSettings.defaults() : oncall;
    security = security == null ? SecurityConfig.defaults() : security;
    paging = paging == null ? PagingConfig.defaults() : paging;
    smtp = smtp == null ? SmtpConfig.defaults() : smtp;
    twilio = twilio == null ? TwilioConfig.defaults() : twilio;
    postmortem = postmortem == null ? PostmortemConfig.defaults() : postmortem;
    metrics = metrics == null ? MetricsConfig.defaults() : metrics;
    maintenance = maintenance == null ? List.of() : List.copyOf(maintenance);
    users = users == null ? List.of() : List.copyOf(users);
    heartbeats = heartbeats == null ? List.of() : List.copyOf(heartbeats);
    silences = silences == null ? SilencesConfig.defaults() : silences;
    grafana = grafana == null ? GrafanaConfig.defaults() : grafana;
    pushover = pushover == null ? PushoverConfig.defaults() : pushover;
    telegram = telegram == null ? TelegramConfig.defaults() : telegram;
  }

  public static FirebellConfig defaults() {
    return new FirebellConfig(
        null, null, null, null, null, null, null, null, null, null, null, null, null, null, null,
        null, null, null, null, null);
  }

  public FirebellConfig withServer(ServerConfig value) {
    return new FirebellConfig(
        value,
        database,
        ingest,
        api,
        severity,
        incidents,
        oncall,
        security,
        paging,
        smtp,
        twilio,
        postmortem,
        metrics,
        maintenance,
        users,
        heartbeats,
        silences,
        grafana,
        pushover,
        telegram);
  }

  public FirebellConfig withDatabase(DatabaseConfig value) {
    return new FirebellConfig(
        server,
        value,
        ingest,
        api,
        severity,
        incidents,
        oncall,
        security,
        paging,
        smtp,
        twilio,
        postmortem,
        metrics,
        maintenance,
        users,
        heartbeats,
        silences,
        grafana,
        pushover,
        telegram);
  }

  public FirebellConfig withIngest(IngestConfig value) {
    return new FirebellConfig(
        server,
        database,
        value,
        api,
        severity,
        incidents,
        oncall,
        security,
        paging,
        smtp,
        twilio,
        postmortem,
        metrics,
        maintenance,
        users,
        heartbeats,
        silences,
        grafana,
        pushover,
        telegram);
  }

  public FirebellConfig withApi(ApiConfig value) {
    return new FirebellConfig(
        server,
        database,
        ingest,
        value,
        severity,
        incidents,
        oncall,
        security,
        paging,
        smtp,
        twilio,
        postmortem,
        metrics,
        maintenance,
        users,
        heartbeats,
        silences,
        grafana,
        pushover,
        telegram);
  }

  public FirebellConfig withSeverity(SeverityConfig value) {
    return new FirebellConfig(
        server,
        database,
        ingest,
        api,
        value,
        incidents,
        oncall,
        security,
        paging,
        smtp,
        twilio,
        postmortem,
        metrics,
        maintenance,
        users,
        heartbeats,
        silences,
        grafana,
        pushover,
        telegram);
  }

  public FirebellConfig withIncidents(IncidentsConfig value) {
    return new FirebellConfig(
        server,
        database,
        ingest,
        api,
        severity,
        value,
        oncall,
        security,
        paging,
        smtp,
        twilio,
        postmortem,
        metrics,
        maintenance,
        users,
        heartbeats,
        silences,
        grafana,
        pushover,
        telegram);
  }

  public FirebellConfig withOnCall(OnCallSettings value) {
    return new FirebellConfig(
        server,
        database,
        ingest,
        api,
        severity,
        incidents,
        value,
        security,
        paging,
        smtp,
        twilio,
        postmortem,
        metrics,
        maintenance,
        users,
        heartbeats,
        silences,
        grafana,
        pushover,
        telegram);
  }

  public FirebellConfig withSecurity(SecurityConfig value) {
    return new FirebellConfig(
        server,
        database,
        ingest,
        api,
        severity,
        incidents,
        oncall,
        value,
        paging,
        smtp,
        twilio,
        postmortem,
        metrics,
        maintenance,
        users,
        heartbeats,
        silences,
        grafana,
        pushover,
        telegram);
  }

  public FirebellConfig withPaging(PagingConfig value) {
    return new FirebellConfig(
        server,
        database,
        ingest,
        api,
        severity,
        incidents,
        oncall,
        security,
        value,
        smtp,
        twilio,
        postmortem,
        metrics,
        maintenance,
        users,
        heartbeats,
        silences,
        grafana,
        pushover,
        telegram);
  }

  public FirebellConfig withSmtp(SmtpConfig value) {
    return new FirebellConfig(
        server,
        database,
        ingest,
        api,
        severity,
        incidents,
        oncall,
        security,
        paging,
        value,
        twilio,
        postmortem,
        metrics,
        maintenance,
        users,
        heartbeats,
        silences,
        grafana,
        pushover,
        telegram);
  }

  public FirebellConfig withTwilio(TwilioConfig value) {
    return new FirebellConfig(
        server,
        database,
        ingest,
        api,
        severity,
        incidents,
        oncall,
        security,
        paging,
        smtp,
        value,
        postmortem,
        metrics,
        maintenance,
        users,
        heartbeats,
        silences,
        grafana,
        pushover,
        telegram);
  }

  public FirebellConfig withPostmortem(PostmortemConfig value) {
    return new FirebellConfig(
        server,
        database,
        ingest,
        api,
        severity,
        incidents,
        oncall,
        security,
        paging,
        smtp,
        twilio,
        value,
        metrics,
        maintenance,
        users,
        heartbeats,
        silences,
        grafana,
        pushover,
        telegram);
  }

  public FirebellConfig withMetrics(MetricsConfig value) {
    return new FirebellConfig(
        server,
        database,
        ingest,
        api,
        severity,
        incidents,
        oncall,
        security,
        paging,
        smtp,
        twilio,
        postmortem,
        value,
        maintenance,
        users,
        heartbeats,
        silences,
        grafana,
        pushover,
        telegram);
  }

  public FirebellConfig withMaintenance(List<MaintenanceEntry> value) {
    return new FirebellConfig(
        server,
        database,
        ingest,
        api,
        severity,
        incidents,
        oncall,
        security,
        paging,
        smtp,
        twilio,
        postmortem,
        metrics,
        value,
        users,
        heartbeats,
        silences,
        grafana,
        pushover,
        telegram);
  }

  public FirebellConfig withUsers(List<UserConfig> value) {
    return new FirebellConfig(
        server,
        database,
        ingest,
        api,
        severity,
        incidents,
        oncall,
        security,
        paging,
        smtp,
        twilio,
        postmortem,
        metrics,
        maintenance,
        value,
        heartbeats,
        silences,
        grafana,
        pushover,
        telegram);
  }

  public FirebellConfig withHeartbeats(List<HeartbeatEntry> value) {
    return new FirebellConfig(
        server,
        database,
        ingest,
        api,
        severity,
        incidents,
        oncall,
        security,
        paging,
        smtp,
        twilio,
        postmortem,
        metrics,
        maintenance,
        users,
        value,
        silences,
        grafana,
        pushover,
        telegram);
  }

  public FirebellConfig withSilences(SilencesConfig value, GrafanaConfig grafanaValue) {
    return new FirebellConfig(
        server,
        database,
        ingest,
        api,
        severity,
        incidents,
        oncall,
        security,
        paging,
        smtp,
        twilio,
        postmortem,
        metrics,
        maintenance,
        users,
        heartbeats,
        value,
        grafanaValue,
        pushover,
        telegram);
  }

  public FirebellConfig withPushover(PushoverConfig value) {
    return new FirebellConfig(
        server,
        database,
        ingest,
        api,
        severity,
        incidents,
        oncall,
        security,
        paging,
        smtp,
        twilio,
        postmortem,
        metrics,
        maintenance,
        users,
        heartbeats,
        silences,
        grafana,
        value,
        telegram);
  }

  public FirebellConfig withTelegram(TelegramConfig value) {
    return new FirebellConfig(
        server,
        database,
        ingest,
        api,
        severity,
        incidents,
        oncall,
        security,
        paging,
        smtp,
        twilio,
        postmortem,
        metrics,
        maintenance,
        users,
        heartbeats,
        silences,
        grafana,
        pushover,
        value);
  }
}
