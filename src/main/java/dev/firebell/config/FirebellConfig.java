package dev.firebell.config;

import dev.firebell.channel.email.SmtpConfig;
import dev.firebell.channel.pushover.PushoverConfig;
import dev.firebell.channel.slack.SlackConfig;
import dev.firebell.channel.telegram.TelegramConfig;
import dev.firebell.channel.twilio.TwilioConfig;
import java.util.List;

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
    TelegramConfig telegram,
    SlackConfig slack,
    UpstreamConfig upstream,
    AuthConfig auth) {

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
    slack = slack == null ? SlackConfig.defaults() : slack;
    upstream = upstream == null ? UpstreamConfig.defaults() : upstream;
    auth = auth == null ? AuthConfig.defaults() : auth;
  }

  public static FirebellConfig defaults() {
    return new FirebellConfig(
        null, null, null, null, null, null, null, null, null, null, null, null, null, null, null,
        null, null, null, null, null, null, null, null);
  }
}
