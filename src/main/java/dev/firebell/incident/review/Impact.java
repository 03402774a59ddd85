package dev.firebell.incident.review;

import com.fasterxml.jackson.annotation.JsonIgnore;
import com.fasterxml.jackson.annotation.JsonInclude;

/** What responders counted about the harm done; every part is optional. */
@JsonInclude(JsonInclude.Include.NON_NULL)
public record Impact(
    Long usersAffected,
    Double usersAffectedPercent,
    Long supportCases,
    Long errorCount,
    String text) {

  @JsonIgnore
  public boolean isEmpty() {
    return usersAffected == null
        && usersAffectedPercent == null
        && supportCases == null
        && errorCount == null
        && (text == null || text.isBlank());
  }
}
