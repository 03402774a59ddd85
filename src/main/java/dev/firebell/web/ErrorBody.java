package dev.firebell.web;

import com.fasterxml.jackson.annotation.JsonInclude;

/** The JSON body of every error response: {@code {"error": "...", "field": "..."}}. */
@JsonInclude(JsonInclude.Include.NON_NULL)
public record ErrorBody(String error, String field) {}
