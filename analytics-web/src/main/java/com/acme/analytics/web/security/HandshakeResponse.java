package com.acme.analytics.web.security;

import jakarta.servlet.ServletOutputStream;
import jakarta.servlet.http.HttpServletResponse;
import jakarta.servlet.http.HttpServletResponseWrapper;

import java.io.IOException;
import java.io.PrintWriter;

/**
 * The response to a WebSocket handshake, which gets the security headers only if it does not switch protocols. On a
 * 101 they mean nothing to a browser, and they are not free: the servlet upgrade keeps the handshake's response for
 * the connection's life, and each header field holds about 400 bytes of the container's buffers (heap histograms at
 * 10,000 connections: 1.5 KB per connection for the four). So they are set at the first call that shows a status
 * other than 101 or may commit the response, or when the filter chain has returned without either.
 */
final class HandshakeResponse extends HttpServletResponseWrapper {

    private final Runnable securityHeaders;
    private boolean decided;

    HandshakeResponse(HttpServletResponse response, Runnable securityHeaders) {
        super(response);
        this.securityHeaders = securityHeaders;
    }

    /** Sets the headers unless the response switches protocols; once. */
    void unlessSwitching() {
        if (!decided) {
            decided = true;
            if (getStatus() != SC_SWITCHING_PROTOCOLS) {
                securityHeaders.run();
            }
        }
    }

    @Override
    public void setStatus(int sc) {
        super.setStatus(sc);
        if (sc != SC_SWITCHING_PROTOCOLS) {
            unlessSwitching();
        }
    }

    @Override
    public void sendError(int sc, String msg) throws IOException {
        unlessSwitching();
        super.sendError(sc, msg);
    }

    @Override
    public void sendError(int sc) throws IOException {
        unlessSwitching();
        super.sendError(sc);
    }

    @Override
    public void sendRedirect(String location) throws IOException {
        unlessSwitching();
        super.sendRedirect(location);
    }

    @Override
    public PrintWriter getWriter() throws IOException {
        unlessSwitching();
        return super.getWriter();
    }

    @Override
    public ServletOutputStream getOutputStream() throws IOException {
        unlessSwitching();
        return super.getOutputStream();
    }

    @Override
    public void flushBuffer() throws IOException {
        unlessSwitching();
        super.flushBuffer();
    }
}
