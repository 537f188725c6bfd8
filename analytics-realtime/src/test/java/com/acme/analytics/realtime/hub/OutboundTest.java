package com.acme.analytics.realtime.hub;

import org.junit.jupiter.api.Test;

import java.nio.charset.StandardCharsets;
import java.util.Arrays;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertSame;

class OutboundTest {

    @Test
    void shouldEncodeAShortTextAsOneUnmaskedFinalFrame() {
        byte[] frame = Outbound.ordered("event", "{\"a\":\"é\"}", 1).frame();
        byte[] payload = "{\"a\":\"é\"}".getBytes(StandardCharsets.UTF_8);
        assertEquals(0x81, frame[0] & 0xFF, "FIN and opcode 1 (text)");
        assertEquals(payload.length, frame[1], "no mask bit, 7-bit length");
        assertArrayEquals(payload, Arrays.copyOfRange(frame, 2, frame.length));
    }

    @Test
    void shouldUseTheExtendedLengthsBeyond125Bytes() {
        byte[] medium = Outbound.ordered("event", "x".repeat(300), 1).frame();
        assertEquals(126, medium[1]);
        assertEquals(300, ((medium[2] & 0xFF) << 8) | (medium[3] & 0xFF));
        assertEquals(4 + 300, medium.length);

        byte[] large = Outbound.ordered("event", "y".repeat(70_000), 1).frame();
        assertEquals(127, large[1]);
        long length = 0;
        for (int i = 2; i < 10; i++) {
            length = (length << 8) | (large[i] & 0xFF);
        }
        assertEquals(70_000, length);
        assertEquals(10 + 70_000, large.length);
    }

    @Test
    void shouldEncodeOnceForEveryClient() {
        Outbound message = Outbound.latest("metrics_update", "{}", "metrics");
        assertSame(message.frame(), message.frame());
    }
}
