package com.acme.analytics.realtime.hub;

import jakarta.json.bind.Jsonb;
import jakarta.json.bind.JsonbBuilder;
import jakarta.json.bind.JsonbConfig;
import jakarta.json.bind.config.PropertyVisibilityStrategy;

import java.lang.reflect.Field;
import java.lang.reflect.Method;
import java.lang.reflect.Modifier;

/**
 * Turns messages and answers into JSON text. One {@link Jsonb} for the process: looking a provider up per message
 * costs hundreds of microseconds. Records are written by their components: the JSON-B of Payara 6 does not know
 * records and would see only {@code isX()} accessors.
 */
public final class MessageWriter {

    private static final Jsonb JSONB = JsonbBuilder.create(new JsonbConfig()
            .withPropertyVisibilityStrategy(new RecordComponents()));

    private MessageWriter() {
    }

    /** The shared instance, also used by the REST layer. */
    public static Jsonb jsonb() {
        return JSONB;
    }

    public static String toJson(Object message) {
        return JSONB.toJson(message);
    }

    /**
     * The envelope of the dashboard WebSocket contract.
     *
     * @param type      {@code metrics_update}, {@code pong}, {@code error}, ...
     * @param data      the payload
     * @param timestamp milliseconds since the epoch
     */
    public record Envelope(String type, Object data, long timestamp) {

        public static Envelope now(String type, Object data) {
            return new Envelope(type, data, System.currentTimeMillis());
        }

        public String toJson() {
            return MessageWriter.toJson(this);
        }
    }

    /** The {@code data} of an {@code error} message. */
    public record Problem(String code, String message) {
    }

    /** Sees a record's component fields and nothing else; ordinary classes keep JSON-B's default rules. */
    private static final class RecordComponents implements PropertyVisibilityStrategy {

        @Override
        public boolean isVisible(Field field) {
            return field.getDeclaringClass().isRecord() || Modifier.isPublic(field.getModifiers());
        }

        @Override
        public boolean isVisible(Method method) {
            return !method.getDeclaringClass().isRecord() && Modifier.isPublic(method.getModifiers());
        }
    }
}
