package org.domus.bench;

import java.io.IOException;
import java.lang.management.ManagementFactory;
import java.lang.management.MemoryPoolMXBean;
import java.lang.management.MemoryType;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.Comparator;
import java.util.Locale;
import java.util.stream.Stream;

/** What every benchmark measures and prints the same way: call latencies, peak heap, elapsed seconds. */
final class Figures {

    private Figures() {}

    /** Milliseconds of one call: median, 99th percentile, slowest. */
    record Latency(double p50, double p99, double max) {}

    /** Times {@code iterations} calls after {@code warmup} untimed ones. */
    static Latency latency(int warmup, int iterations, Runnable call) {
        for (int i = 0; i < warmup; i++) {
            call.run();
        }
        double[] ms = new double[iterations];
        for (int i = 0; i < iterations; i++) {
            long t = System.nanoTime();
            call.run();
            ms[i] = (System.nanoTime() - t) / 1e6;
        }
        Arrays.sort(ms);
        return new Latency(
                ms[(iterations - 1) / 2],
                ms[Math.min(iterations - 1, (int) Math.ceil(iterations * 0.99) - 1)],
                ms[iterations - 1]);
    }

    /** One row: name, p50, p99, max and the p99 ratio against the baseline, through {@code format}. */
    static void printLatency(String format, String name, Latency l, Latency base) {
        System.out.printf(
                Locale.ROOT,
                format,
                name,
                String.format(Locale.ROOT, "%.2f", l.p50()),
                String.format(Locale.ROOT, "%.2f", l.p99()),
                String.format(Locale.ROOT, "%.2f", l.max()),
                String.format(Locale.ROOT, "%.1f", l.p99() / base.p99()));
        System.out.flush();
    }

    /** Seconds since {@code since} (a {@link System#nanoTime()}). */
    static double seconds(long since) {
        return (System.nanoTime() - since) / 1e9;
    }

    static void deleteTree(Path dir) throws IOException {
        if (!Files.exists(dir)) {
            return;
        }
        try (Stream<Path> walk = Files.walk(dir)) {
            for (Path p : walk.sorted(Comparator.reverseOrder()).toList()) {
                Files.delete(p);
            }
        }
    }

    /** Peak heap of a phase through the memory MXBeans. */
    static final class Heap {

        private Heap() {}

        /** Collects, then starts the heap pools' peaks afresh. */
        static void reset() {
            System.gc();
            for (MemoryPoolMXBean pool : ManagementFactory.getMemoryPoolMXBeans()) {
                if (pool.getType() == MemoryType.HEAP) {
                    pool.resetPeakUsage();
                }
            }
        }

        /** The sum of the heap pools' peaks since the last reset (an upper bound: pools peak at different moments). */
        static long peak() {
            long peak = 0;
            for (MemoryPoolMXBean pool : ManagementFactory.getMemoryPoolMXBeans()) {
                if (pool.getType() == MemoryType.HEAP) {
                    peak += pool.getPeakUsage().getUsed();
                }
            }
            return peak;
        }

        /** Prints the phase's peak and the heap still used after a GC. */
        static void report(String phase) {
            long peak = peak();
            System.gc();
            long after =
                    ManagementFactory.getMemoryMXBean().getHeapMemoryUsage().getUsed();
            System.out.printf(
                    Locale.ROOT,
                    "Peak heap (%s): %d MB (sum of the heap pools' peaks); %d MB live after GC%n",
                    phase,
                    peak >> 20,
                    after >> 20);
            System.out.flush();
        }
    }
}
