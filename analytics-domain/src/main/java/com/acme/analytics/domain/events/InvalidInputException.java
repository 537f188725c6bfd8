package com.acme.analytics.domain.events;

import com.acme.analytics.domain.AnalyticsException;

import java.util.List;
import java.util.stream.Collectors;

/** A request that breaks a contract, field by field; nothing of it was stored. */
public class InvalidInputException extends AnalyticsException {

    private final transient List<FieldViolation> violations;

    public InvalidInputException(List<FieldViolation> violations) {
        super(violations.stream().map(v -> v.field() + ": " + v.message()).collect(Collectors.joining("; ")));
        this.violations = List.copyOf(violations);
    }

    public InvalidInputException(String field, String message) {
        this(List.of(new FieldViolation(field, message)));
    }

    public List<FieldViolation> violations() {
        return violations;
    }
}
