package com.acme.analytics.web;

import com.acme.analytics.realtime.hub.MessageWriter;
import jakarta.json.bind.Jsonb;
import jakarta.ws.rs.ext.ContextResolver;
import jakarta.ws.rs.ext.Provider;

/** REST answers are written with the same JSON-B as pushed messages, so records look the same everywhere. */
@Provider
public class JsonbResolver implements ContextResolver<Jsonb> {

    @Override
    public Jsonb getContext(Class<?> type) {
        return MessageWriter.jsonb();
    }
}
