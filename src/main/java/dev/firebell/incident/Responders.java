package dev.firebell.incident;

import java.util.List;

/** People and schedules a person adds to an incident: each is paged at once. */
public record Responders(List<String> persons, List<String> schedules) {
  public Responders {
    persons = List.copyOf(persons);
    schedules = List.copyOf(schedules);
  }

  public boolean isEmpty() {
    return persons.isEmpty() && schedules.isEmpty();
  }
}
