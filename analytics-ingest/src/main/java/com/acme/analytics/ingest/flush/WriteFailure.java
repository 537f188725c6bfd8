package com.acme.analytics.ingest.flush;

import java.sql.SQLException;

/**
 * Whose fault a failed write is, by SQLState class. A data class means the database refused what some event holds:
 * writing the same events again fails again, so the chunk is split to find the culprits and only they are
 * refused. Anything else is an outage: nothing is wrong with the events, they are retried after a backoff.
 *
 * <ul>
 *   <li>22 (data exception: {@code \u0000} in jsonb, a number out of range, bad encoding), 23 (integrity
 *   constraint: a check, a null, no partition for the event's time) and 54 (program limit: a value too large for
 *   an index row, such as a huge session id) depend on the events: data.</li>
 *   <li>08 (connection), 57 (operator intervention: shutdown, cancel), 53 (insufficient resources), 40
 *   (rollback: deadlock, serialization), 28 (authorization), XX (internal), and failures without a SQLState:
 *   outage.</li>
 *   <li>42 (syntax or access rule: undefined table, permission denied) is the server's fault, not the data's: our
 *   statement is fixed, so such an error fails every event alike. Treated as data, it would refuse (and
 *   dead-letter) every event one by one; as an outage, it keeps them and reports the database DOWN until an
 *   operator repairs the schema or the grants.</li>
 * </ul>
 */
enum WriteFailure {
    DATA, OUTAGE;

    static WriteFailure of(Throwable failure) {
        if (failure instanceof SQLException sql && sql.getSQLState() != null && sql.getSQLState().length() >= 2) {
            return switch (sql.getSQLState().substring(0, 2)) {
                case "22", "23", "54" -> DATA;
                default -> OUTAGE;
            };
        }
        return OUTAGE;
    }
}
