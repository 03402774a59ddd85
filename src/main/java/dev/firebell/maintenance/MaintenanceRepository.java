package dev.firebell.maintenance;

import java.time.Instant;
import java.util.List;
import java.util.Map;
import org.jdbi.v3.sqlobject.config.RegisterConstructorMapper;
import org.jdbi.v3.sqlobject.customizer.Bind;
import org.jdbi.v3.sqlobject.statement.GetGeneratedKeys;
import org.jdbi.v3.sqlobject.statement.SqlQuery;
import org.jdbi.v3.sqlobject.statement.SqlUpdate;

/** SQL for maintenance windows added through the API. */
@RegisterConstructorMapper(MaintenanceWindow.class)
public interface MaintenanceRepository {

  @SqlUpdate(
      """
      INSERT INTO maintenance_window (label_match, starts_at, ends_at, reason, created_by, created_at)
      VALUES (:match, :startsAt, :endsAt, :reason, :createdBy, :now)
      """)
  @GetGeneratedKeys("id")
  long insert(
      @Bind("match") Map<String, String> match,
      @Bind("startsAt") Instant startsAt,
      @Bind("endsAt") Instant endsAt,
      @Bind("reason") String reason,
      @Bind("createdBy") String createdBy,
      @Bind("now") Instant now);

  /** Windows not over yet (active now or scheduled ahead), soonest first. */
  @SqlQuery(
      """
      SELECT id, label_match, starts_at, ends_at, reason, created_by FROM maintenance_window
      WHERE ends_at > :now ORDER BY starts_at, id
      """)
  List<MaintenanceWindow> current(@Bind("now") Instant now);

  /** Ends a window now (or removes one that has not started). */
  @SqlUpdate(
      """
      UPDATE maintenance_window SET ends_at = CASE WHEN starts_at > :now THEN starts_at ELSE :now END
      WHERE id = :id AND ends_at > :now
      """)
  int end(@Bind("id") long id, @Bind("now") Instant now);

  @SqlUpdate("UPDATE incident SET in_maintenance = TRUE WHERE id = :id")
  void markIncident(@Bind("id") long id);
}
