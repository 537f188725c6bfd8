package com.acme.analytics.domain.events;

/**
 * One reason a request was refused, tied to the JSON field at fault.
 *
 * @param field   the field's path in the request body, such as {@code event.campaignId} or {@code events[2].value}
 * @param message what is wrong with it, for a person
 */
public record FieldViolation(String field, String message) {
}
