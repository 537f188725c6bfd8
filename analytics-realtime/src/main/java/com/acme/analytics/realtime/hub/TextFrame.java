package com.acme.analytics.realtime.hub;

/** The wire form of a server's WebSocket text message: one final frame, not masked (RFC 6455, section 5.2). */
final class TextFrame {

    private static final int FIN_TEXT = 0x81;

    private TextFrame() {
    }

    /** @param payload UTF-8 text */
    static byte[] encode(byte[] payload) {
        int n = payload.length;
        int header = n <= 125 ? 2 : n <= 0xFFFF ? 4 : 10;
        byte[] out = new byte[header + n];
        out[0] = (byte) FIN_TEXT;
        if (n <= 125) {
            out[1] = (byte) n;
        } else if (n <= 0xFFFF) {
            out[1] = 126;
            out[2] = (byte) (n >>> 8);
            out[3] = (byte) n;
        } else {
            out[1] = 127;
            for (int i = 0; i < 8; i++) {
                out[2 + i] = (byte) ((long) n >>> (56 - 8 * i));
            }
        }
        System.arraycopy(payload, 0, out, header, n);
        return out;
    }
}
