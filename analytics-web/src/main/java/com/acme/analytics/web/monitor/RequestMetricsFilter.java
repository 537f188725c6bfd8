package com.acme.analytics.web.monitor;

import com.acme.analytics.realtime.monitor.RequestWindow;
import jakarta.inject.Inject;
import jakarta.servlet.FilterChain;
import jakarta.servlet.ServletException;
import jakarta.servlet.http.HttpFilter;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;

import java.io.IOException;

/**
 * Records every request's duration and status into the monitor's {@link RequestWindow}; first in web.xml so that
 * refusals by the later filters count too. An asynchronous request (SSE, a held AsyncResponse) counts when its
 * filter chain returns, which is the cost of its set-up rather than of its whole life.
 */
public class RequestMetricsFilter extends HttpFilter {

    @Inject
    RequestWindow window;

    @Override
    protected void doFilter(HttpServletRequest request, HttpServletResponse response, FilterChain chain)
            throws IOException, ServletException {
        long start = System.nanoTime();
        boolean failed = true;
        try {
            chain.doFilter(request, response);
            failed = false;
        } finally {
            window.record(System.currentTimeMillis(), (System.nanoTime() - start) / 1e6,
                    failed || response.getStatus() >= 500);
        }
    }
}
