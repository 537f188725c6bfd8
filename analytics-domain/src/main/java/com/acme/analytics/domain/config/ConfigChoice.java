package com.acme.analytics.domain.config;

import java.util.Arrays;
import java.util.Locale;
import java.util.stream.Collectors;

/**
 * Reads a configuration value that names one constant of an enum, written in lower case with dashes
 * ({@code committed}, {@code high-frequency}). An enum read from MicroProfile Config declares
 * {@code public static E of(String value)} calling {@link #of}: MicroProfile Config converts with that method,
 * so an unknown value fails the deployment, naming the accepted ones, instead of failing every request later.
 */
public final class ConfigChoice {

    private ConfigChoice() {
    }

    /** @throws IllegalArgumentException naming the accepted values when {@code value} names no constant */
    public static <E extends Enum<E>> E of(Class<E> type, String value) {
        String wanted = value == null ? "" : value.trim();
        for (E constant : type.getEnumConstants()) {
            if (name(constant).equalsIgnoreCase(wanted) || constant.name().equalsIgnoreCase(wanted)) {
                return constant;
            }
        }
        throw new IllegalArgumentException("'" + wanted + "' is not one of " + Arrays.stream(type.getEnumConstants())
                .map(ConfigChoice::name).collect(Collectors.joining(", ")));
    }

    /** How a constant is written in configuration: {@code HIGH_FREQUENCY} as {@code high-frequency}. */
    public static String name(Enum<?> constant) {
        return constant.name().toLowerCase(Locale.ROOT).replace('_', '-');
    }
}
