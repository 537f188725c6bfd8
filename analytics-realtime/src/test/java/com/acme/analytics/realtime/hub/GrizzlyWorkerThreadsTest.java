package com.acme.analytics.realtime.hub;

import org.junit.jupiter.api.Test;

import java.util.concurrent.Executors;
import java.util.concurrent.ThreadFactory;

import static org.junit.jupiter.api.Assertions.assertSame;

class GrizzlyWorkerThreadsTest {

    private final ThreadFactory managed = Executors.defaultThreadFactory();

    @Test
    void withoutGrizzlyTheContainersThreadsAreKept() {
        assertSame(managed, GrizzlyWorkerThreads.orManaged(managed, true));
    }

    @Test
    void switchedOffTheContainersThreadsAreKept() {
        assertSame(managed, GrizzlyWorkerThreads.orManaged(managed, false));
    }
}
