package com.acme.analytics.realtime.hub;

import java.lang.invoke.MethodHandle;
import java.lang.invoke.MethodHandles;
import java.lang.invoke.MethodType;
import java.util.concurrent.ThreadFactory;
import java.util.logging.Level;
import java.util.logging.Logger;

/**
 * The hub's sender threads as Grizzly worker threads, where the container is Grizzly's (Payara), each with a buffer
 * pool of its own. Grizzly's HTTP output copies every write into a buffer of the response's buffer size; on one of
 * its worker threads that buffer is cut from the thread's pool and trimmed back to what the write used, on any other
 * thread it is a new array each time (bench/fanout, JFR at 10,000 clients: about 300 MB a second, a quarter of the
 * senders' samples). The only vendor code of the hub, reached by reflection through the container's own class
 * loader; anywhere else (WildFly, a Grizzly that changed), the container's managed threads as before.
 */
final class GrizzlyWorkerThreads {

    private static final Logger LOG = Logger.getLogger(GrizzlyWorkerThreads.class.getName());

    private GrizzlyWorkerThreads() {
    }

    /**
     * @param managed the container's thread factory: used where Grizzly's cannot be, and its class loader is where
     *                Grizzly's classes are looked for
     */
    static ThreadFactory orManaged(ThreadFactory managed, boolean enabled) {
        if (!enabled) {
            return managed;
        }
        try {
            ClassLoader container = managed.getClass().getClassLoader();
            Class<?> worker = Class.forName("org.glassfish.grizzly.threadpool.DefaultWorkerThread", false, container);
            Class<?> builder = Class.forName("org.glassfish.grizzly.attributes.AttributeBuilder", false, container);
            Class<?> pool = Class.forName("org.glassfish.grizzly.memory.ThreadLocalPool", false, container);
            Class<?> provider = Class.forName("org.glassfish.grizzly.memory.ThreadLocalPoolProvider", false,
                    container);
            Class<?> memory = Class.forName("org.glassfish.grizzly.memory.MemoryManager", false, container);
            Object attributes = Class.forName("org.glassfish.grizzly.Grizzly", false, container)
                    .getField("DEFAULT_ATTRIBUTE_BUILDER").get(null);
            Object memoryManager = memory.getField("DEFAULT_MEMORY_MANAGER").get(null);
            if (!provider.isInstance(memoryManager)) {
                LOG.info("Hub senders on managed threads: Grizzly's memory manager keeps no thread pools");
                return managed;
            }
            MethodHandles.Lookup lookup = MethodHandles.publicLookup();
            MethodHandle newPool = lookup.findVirtual(provider, "createThreadLocalPool", MethodType.methodType(pool));
            MethodHandle newThread = lookup.findConstructor(worker, MethodType.methodType(void.class, builder,
                    String.class, pool, Runnable.class));
            ClassLoader application = Thread.currentThread().getContextClassLoader();
            ThreadFactory grizzly = task -> {
                try {
                    Thread t = (Thread) newThread.invoke(attributes, "analytics-hub-sender",
                            newPool.invoke(memoryManager), task);
                    t.setContextClassLoader(application);
                    return t;
                } catch (Throwable e) {
                    LOG.log(Level.WARNING, "A Grizzly worker thread could not be made; a managed one instead", e);
                    return managed.newThread(task);
                }
            };
            // Made once here, so that a Grizzly that does not take these arguments is found at start.
            grizzly.newThread(() -> { }).getClass().asSubclass(worker);
            LOG.info("Hub senders are Grizzly worker threads: their writes take buffers from pools of their own"
                    + " (analytics.realtime.grizzly-sender-threads)");
            return grizzly;
        } catch (ReflectiveOperationException | RuntimeException | LinkageError e) {
            LOG.info("Hub senders on managed threads: the container is not Grizzly's, or it changed (" + e + ")");
            return managed;
        }
    }
}
