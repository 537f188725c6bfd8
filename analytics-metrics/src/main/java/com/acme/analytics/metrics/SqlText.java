package com.acme.analytics.metrics;

import com.acme.analytics.domain.metrics.EventFilter;
import com.acme.analytics.domain.metrics.MetricWindow.Interval;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.List;

/** SQL text built piece by piece, with its parameters in the order their placeholders appear. */
final class SqlText {

    private final StringBuilder sql = new StringBuilder();
    private final List<Object> params = new ArrayList<>();

    SqlText append(String text, Object... parameters) {
        sql.append(text);
        params.addAll(List.of(parameters));
        return this;
    }

    /** Rows whose time falls in any of the intervals; dates for a column of UTC days. */
    void within(String column, List<Interval> intervals, boolean dates) {
        sql.append('(');
        for (int i = 0; i < intervals.size(); i++) {
            if (i > 0) {
                sql.append(" or ");
            }
            sql.append(column).append(" >= ? and ").append(column).append(" < ?");
            Interval interval = intervals.get(i);
            if (dates) {
                params.add(LocalDate.ofInstant(interval.from(), ZoneOffset.UTC));
                params.add(LocalDate.ofInstant(interval.to(), ZoneOffset.UTC));
            } else {
                params.add(interval.from().atOffset(ZoneOffset.UTC));
                params.add(interval.to().atOffset(ZoneOffset.UTC));
            }
        }
        sql.append(')');
    }

    /** The events a filter keeps, as a condition starting with {@code and}; nothing for all events. */
    void filter(EventFilter filter) {
        if (filter.prefix() != null) {
            append(" and starts_with(event_type, ?)", filter.prefix());
        } else if (!filter.types().isEmpty()) {
            append(" and event_type = any(?)", (Object) filter.types().toArray(String[]::new));
        }
    }

    ResultSet run(Connection con) throws SQLException {
        PreparedStatement ps = con.prepareStatement(sql.toString());
        for (int i = 0; i < params.size(); i++) {
            Object p = params.get(i);
            if (p instanceof String[] array) {
                ps.setArray(i + 1, con.createArrayOf("text", array));
            } else {
                ps.setObject(i + 1, p);
            }
        }
        ps.closeOnCompletion();
        return ps.executeQuery();
    }
}
