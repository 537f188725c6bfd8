package com.acme.analytics.realtime.hub;

import java.util.List;
import java.util.function.Function;

/**
 * The events a resuming client is sent before anything queued after them, rendered one by one when their turn
 * comes. They are held by the replay window anyway, so a backlog costs a reference each until it is sent, and it
 * stands in its channel's queue as one entry: a replay of any length the window holds can complete without the
 * client being taken for lagging. Not thread-safe: its channel guards it.
 *
 * @param <T> what is replayed (sequenced events)
 */
final class Backlog<T> {

    private final List<T> items;
    private final Function<? super T, Outbound> render;
    private int next;

    /** @param render the message for an item, or null for none (an item this client does not want) */
    Backlog(List<T> items, Function<? super T, Outbound> render) {
        this.items = items;
        this.render = render;
    }

    /** The next message, or null when none is left. */
    Outbound poll() {
        while (next < items.size()) {
            Outbound message = render.apply(items.get(next++));
            if (message != null) {
                return message;
            }
        }
        return null;
    }

    /** Items not yet sent, an upper bound of the messages left. */
    int remaining() {
        return items.size() - next;
    }
}
