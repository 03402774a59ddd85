package dev.firebell.config;

import dev.firebell.channel.email.SmtpConfig;
import dev.firebell.channel.pushover.PushoverConfig;
import dev.firebell.channel.slack.SlackConfig;
import dev.firebell.channel.telegram.TelegramConfig;
import dev.firebell.channel.twilio.TwilioConfig;
import java.util.List;

/** Tests build a {@link FirebellConfig} from another with some sections replaced. */
public final class ConfigBuilder {
  private ServerConfig server;
  private DatabaseConfig database;
  private IngestConfig ingest;
  private ApiConfig api;
  private SeverityConfig severity;
  private IncidentsConfig incidents;
  private OnCallSettings oncall;
  private SecurityConfig security;
  private PagingConfig paging;
  private SmtpConfig smtp;
  private TwilioConfig twilio;
  private PostmortemConfig postmortem;
  private MetricsConfig metrics;
  private List<MaintenanceEntry> maintenance;
  private List<UserConfig> users;
  private List<HeartbeatEntry> heartbeats;
  private SilencesConfig silences;
  private GrafanaConfig grafana;
  private PushoverConfig pushover;
  private TelegramConfig telegram;
  private SlackConfig slack;
  private UpstreamConfig upstream;
  private AuthConfig auth;

  private ConfigBuilder() {}

  public static ConfigBuilder from(FirebellConfig config) {
    ConfigBuilder builder = new ConfigBuilder();
    builder.server = config.server();
    builder.database = config.database();
    builder.ingest = config.ingest();
    builder.api = config.api();
    builder.severity = config.severity();
    builder.incidents = config.incidents();
    builder.oncall = config.oncall();
    builder.security = config.security();
    builder.paging = config.paging();
    builder.smtp = config.smtp();
    builder.twilio = config.twilio();
    builder.postmortem = config.postmortem();
    builder.metrics = config.metrics();
    builder.maintenance = config.maintenance();
    builder.users = config.users();
    builder.heartbeats = config.heartbeats();
    builder.silences = config.silences();
    builder.grafana = config.grafana();
    builder.pushover = config.pushover();
    builder.telegram = config.telegram();
    builder.slack = config.slack();
    builder.upstream = config.upstream();
    builder.auth = config.auth();
    return builder;
  }

  public ConfigBuilder withServer(ServerConfig value) {
    this.server = value;
    return this;
  }

  public ConfigBuilder withDatabase(DatabaseConfig value) {
    this.database = value;
    return this;
  }

  public ConfigBuilder withIngest(IngestConfig value) {
    this.ingest = value;
    return this;
  }

  public ConfigBuilder withApi(ApiConfig value) {
    this.api = value;
    return this;
  }

  public ConfigBuilder withSeverity(SeverityConfig value) {
    this.severity = value;
    return this;
  }

  public ConfigBuilder withIncidents(IncidentsConfig value) {
    this.incidents = value;
    return this;
  }

  public ConfigBuilder withOnCall(OnCallSettings value) {
    this.oncall = value;
    return this;
  }

  public ConfigBuilder withSecurity(SecurityConfig value) {
    this.security = value;
    return this;
  }

  public ConfigBuilder withPaging(PagingConfig value) {
    this.paging = value;
    return this;
  }

  public ConfigBuilder withSmtp(SmtpConfig value) {
    this.smtp = value;
    return this;
  }

  public ConfigBuilder withTwilio(TwilioConfig value) {
    this.twilio = value;
    return this;
  }

  public ConfigBuilder withPostmortem(PostmortemConfig value) {
    this.postmortem = value;
    return this;
  }

  public ConfigBuilder withMetrics(MetricsConfig value) {
    this.metrics = value;
    return this;
  }

  public ConfigBuilder withMaintenance(List<MaintenanceEntry> value) {
    this.maintenance = value;
    return this;
  }

  public ConfigBuilder withUsers(List<UserConfig> value) {
    this.users = value;
    return this;
  }

  public ConfigBuilder withHeartbeats(List<HeartbeatEntry> value) {
    this.heartbeats = value;
    return this;
  }

  public ConfigBuilder withPushover(PushoverConfig value) {
    this.pushover = value;
    return this;
  }

  public ConfigBuilder withAuth(AuthConfig value) {
    this.auth = value;
    return this;
  }

  public ConfigBuilder withUpstream(UpstreamConfig value) {
    this.upstream = value;
    return this;
  }

  public ConfigBuilder withSlack(SlackConfig value) {
    this.slack = value;
    return this;
  }

  public ConfigBuilder withTelegram(TelegramConfig value) {
    this.telegram = value;
    return this;
  }

  public ConfigBuilder withSilences(SilencesConfig value, GrafanaConfig grafanaValue) {
    this.silences = value;
    this.grafana = grafanaValue;
    return this;
  }

  public FirebellConfig build() {
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
        telegram,
        slack,
        upstream,
        auth);
  }
}
