package com.acme.analytics.realtime.monitor;

import java.io.IOException;
import java.lang.management.ManagementFactory;
import java.lang.management.MemoryUsage;
import java.lang.management.OperatingSystemMXBean;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;

/** CPU and memory of this JVM, from the platform MXBeans and, on Linux, /proc. */
final class ProcessFigures {

    private static final Path STATUS = Path.of("/proc/self/status");
    private static final long MB = 1024 * 1024;

    private ProcessFigures() {
    }

    static MonitorSample.Cpu cpu() {
        OperatingSystemMXBean os = ManagementFactory.getOperatingSystemMXBean();
        Double process = null;
        Double system = null;
        // The JDK's extension (HotSpot and OpenJ9 both have it); a JVM without it reports no CPU share.
        if (os instanceof com.sun.management.OperatingSystemMXBean ext) {
            process = share(ext.getProcessCpuLoad());
            system = share(ext.getCpuLoad());
        }
        return new MonitorSample.Cpu(process, system, os.getAvailableProcessors());
    }

    private static Double share(double load) {
        return load < 0 ? null : RequestWindow.round(load * 100) / 100;
    }

    static MonitorSample.Memory memory() {
        MemoryUsage heap = ManagementFactory.getMemoryMXBean().getHeapMemoryUsage();
        return new MonitorSample.Memory(heap.getUsed() / MB, heap.getMax() / MB, rssMb());
    }

    /** VmRSS in MB, or null where /proc/self/status is missing or unreadable. */
    static Long rssMb() {
        if (!Files.isReadable(STATUS)) {
            return null;
        }
        try {
            return vmRssMb(Files.readAllLines(STATUS));
        } catch (IOException e) {
            return null;
        }
    }

    static Long vmRssMb(List<String> lines) {
        for (String line : lines) {
            if (line.startsWith("VmRSS:")) {
                String[] parts = line.substring(6).trim().split("\\s+");
                return Long.parseLong(parts[0]) / 1024;
            }
        }
        return null;
    }
}
