package com.acme.analytics.ingest.events;

import java.util.List;
import java.util.stream.Collectors;

/** A request body that breaks the ingest contract; nothing of it was stored. */
public class InvalidEventException extends RuntimeException {

    private final transient List<FieldViolation> violations;

    public InvalidEventException(List<FieldViolation> violations) {
        super(violations.stream().map(v -> v.field() + ": " + v.message()).collect(Collectors.joining("; ")));
        this.violations = List.copyOf(violations);
    }

    public InvalidEventException(String field, String message) {
        this(List.of(new FieldViolation(field, message)));
    }

    public List<FieldViolation> violations() {
        return violations;
    }
}
