package dev.firebell.incident.review;

import com.fasterxml.jackson.annotation.JsonInclude;
import java.time.LocalDate;

/** A follow-up with an owner and a due date (both optional). */
@JsonInclude(JsonInclude.Include.NON_NULL)
public record ActionItem(String text, String owner, LocalDate due) {}
