package dev.firebell.web;

import dev.firebell.incident.IncidentConflict;
import dev.firebell.incident.IncidentNotFound;
import dev.firebell.incident.review.InvalidEdit;
import dev.firebell.ingest.InvalidPayload;
import dev.firebell.store.DatabaseSyncException;
import dev.firebell.web.ui.FormError;
import dev.firebell.web.ui.LoginRequired;
import dev.firebell.web.ui.PageProblem;
import dev.firebell.web.ui.UiSecurity;
import io.javalin.config.RoutesConfig;
import io.javalin.http.Context;
import io.javalin.http.HttpResponseException;
import io.javalin.http.HttpStatus;
import java.sql.SQLException;
import java.sql.SQLNonTransientConnectionException;
import java.sql.SQLRecoverableException;
import java.sql.SQLTransientException;
import java.util.Map;
import java.util.Set;
import java.util.regex.Pattern;
import org.eclipse.jetty.http.BadMessageException;
import org.jdbi.v3.core.ConnectionException;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The one place where exceptions become HTTP responses. A database that cannot be reached or synced
 * gives 503, so Grafana and Alertmanager retry the delivery later.
 */
public final class ErrorMapper {
  private static final Logger log = LoggerFactory.getLogger(ErrorMapper.class);

  private ErrorMapper() {}

  /**
   * @param secureCookies whether cookies are marked Secure (Firebell is served over https)
   */
  public static void register(RoutesConfig routes, Pages pages, boolean secureCookies) {
    routes.exception(LoginRequired.class, (e, ctx) -> ctx.redirect("/login", HttpStatus.SEE_OTHER));
    routes.exception(
        PageProblem.class,
        (e, ctx) -> {
          if (FormError.keep(ctx, e.getMessage(), secureCookies)) {
            return;
          }
          UiSecurity.headers(ctx);
          ctx.status(e.status())
              .html(pages.render("ui/error.peb", Map.of("message", e.getMessage())));
        });
    routes.exception(
        HttpProblem.class, (e, ctx) -> respond(ctx, e.status(), e.getMessage(), e.field()));
    routes.exception(
        InvalidPayload.class, (e, ctx) -> respond(ctx, 400, e.getMessage(), e.field()));
    routes.exception(
        InvalidEdit.class,
        (e, ctx) -> {
          if (isApi(ctx)) {
            respond(ctx, 400, e.getMessage(), e.field());
          } else if (!FormError.keep(ctx, e.getMessage(), secureCookies)) {
            UiSecurity.headers(ctx);
            ctx.status(400).html(pages.render("ui/error.peb", Map.of("message", e.getMessage())));
          }
        });
    routes.exception(
        IncidentNotFound.class,
        (e, ctx) -> {
          if (isApi(ctx)) {
            respond(ctx, 404, e.getMessage(), null);
          } else {
            UiSecurity.headers(ctx);
            ctx.status(404)
                .html(
                    pages.render("ui/error.peb", Map.of("message", "There is no such incident.")));
          }
        });
    routes.exception(
        IncidentConflict.class,
        (e, ctx) -> {
          if (isApi(ctx)) {
            respond(ctx, 409, e.getMessage(), "id");
          } else if (!FormError.keep(ctx, e.getMessage(), secureCookies)) {
            UiSecurity.headers(ctx);
            ctx.status(409).html(pages.render("ui/error.peb", Map.of("message", e.getMessage())));
          }
        });
    routes.exception(
        HttpResponseException.class, (e, ctx) -> respond(ctx, e.getStatus(), e.getMessage(), null));
    // Jetty's own refusals while a body is read, such as 408 for a client sending too slowly.
    routes.exception(
        BadMessageException.class,
        (e, ctx) -> {
          ctx.header("Connection", "close");
          respond(ctx, e.getCode(), "the request could not be read: " + e.getReason(), "body");
        });
    routes.exception(ConnectionException.class, ErrorMapper::databaseUnavailable);
    routes.exception(DatabaseSyncException.class, ErrorMapper::databaseUnavailable);
    routes.exception(
        Exception.class,
        (e, ctx) -> {
          if (isDatabaseOutage(e)) {
            databaseUnavailable(e, ctx);
            return;
          }
          log.error("{} {} failed", ctx.method(), loggable(ctx.path()), e);
          respond(ctx, 500, "internal error; the server log has the details", null);
        });
  }

  private static void databaseUnavailable(Exception e, Context ctx) {
    log.warn("{} {}: database unavailable: {}", ctx.method(), loggable(ctx.path()), e.getMessage());
    ctx.header("Retry-After", "10");
    respond(ctx, 503, "the database is unavailable; retry later", null);
  }

  /**
   * Storage that cannot take a write now but may later, so the sender should retry: a full disk or
   * an exhausted server (SQLSTATE class 53), a read-only database or transaction (25006), an I/O
   * error (58030), and H2's I/O errors (90028, 90031), read-only database (90097), closed database
   * (90098, after a failed write closes the store) and shutdown (90121).
   */
  private static final Set<String> STORAGE_UNAVAILABLE =
      Set.of("25006", "58030", "90028", "90031", "90097", "90098", "90121");

  /**
   * A lost or refused connection: JDBC's transient and connection exceptions, SQLSTATE class 08
   * (connection exception) and 57P0x (the server is shutting down or not accepting connections),
   * and H2's "connection broken" (90067) and "database in use" (90020); and storage that cannot
   * write now ({@link #STORAGE_UNAVAILABLE}).
   */
  private static boolean isDatabaseOutage(Throwable error) {
    for (Throwable cause = error; cause != null; cause = cause.getCause()) {
      if (cause instanceof SQLTransientException
          || cause instanceof SQLRecoverableException
          || cause instanceof SQLNonTransientConnectionException
          || cause instanceof ConnectionException) {
        return true;
      }
      if (cause instanceof SQLException sql && sql.getSQLState() != null) {
        String state = sql.getSQLState();
        if (state.startsWith("08")
            || state.startsWith("57P")
            || state.startsWith("53")
            || STORAGE_UNAVAILABLE.contains(state)
            || state.equals("90067")
            || state.equals("90020")) {
          return true;
        }
      }
    }
    return false;
  }

  /** A link token in a path is a credential: logs show {@code /ack/…} instead. */
  static String loggable(String path) {
    return LINK_TOKEN.matcher(path).replaceAll("/$1/…");
  }

  private static final Pattern LINK_TOKEN = Pattern.compile("/(ack|resolve)/[^/]+");

  private static boolean isApi(Context ctx) {
    return ctx.path().startsWith("/api/") || ctx.path().startsWith("/webhooks/");
  }

  static void respond(Context ctx, int status, String message, String field) {
    ctx.status(status).json(new ErrorBody(message, field));
  }
}
