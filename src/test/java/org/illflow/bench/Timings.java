package org.illflow.bench;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.Callable;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.function.IntConsumer;

/**
 * Latencies per named step, recorded by many client threads at once, with their percentiles; and the runner that
 * drives a number of pipelines through a fixed number of clients and counts the ones that failed.
 */
final class Timings {

    private final Map<String, List<Long>> samples = new LinkedHashMap<>();
    private final AtomicInteger errors = new AtomicInteger();
    private final List<String> firstErrors = new ArrayList<>();

    /** Runs {@code call}, records its time under {@code step}, and returns its result. */
    <T> T time(String step, Callable<T> call) {
        long start = System.nanoTime();
        try {
            return call.call();
        } catch (RuntimeException e) {
            throw e;
        } catch (Exception e) {
            throw new IllegalStateException(e);
        } finally {
            record(step, System.nanoTime() - start);
        }
    }

    void record(String step, long nanos) {
        synchronized (samples) {
            samples.computeIfAbsent(step, s -> new ArrayList<>()).add(nanos);
        }
    }

    /** Runs pipeline(0 … count-1) on {@code clients} threads; returns the wall time in nanoseconds. */
    long run(int clients, int count, IntConsumer pipeline) {
        ExecutorService pool = Executors.newFixedThreadPool(clients);
        AtomicInteger next = new AtomicInteger();
        long start = System.nanoTime();
        try {
            List<Future<?>> running = new ArrayList<>();
            for (int c = 0; c < clients; c++) {
                running.add(pool.submit(() -> {
                    for (int i = next.getAndIncrement(); i < count; i = next.getAndIncrement()) {
                        try {
                            pipeline.accept(i);
                        } catch (RuntimeException | AssertionError e) {
                            failed(e);
                        }
                    }
                }));
            }
            for (Future<?> f : running) {
                f.get();
            }
        } catch (Exception e) {
            throw new IllegalStateException(e);
        } finally {
            pool.shutdownNow();
        }
        return System.nanoTime() - start;
    }

    void failed(Throwable e) {
        errors.incrementAndGet();
        synchronized (firstErrors) {
            if (firstErrors.size() < 5) {
                firstErrors.add(String.valueOf(e.getMessage()));
            }
        }
    }

    int errors() {
        return errors.get();
    }

    List<String> firstErrors() {
        synchronized (firstErrors) {
            return List.copyOf(firstErrors);
        }
    }

    List<String> steps() {
        synchronized (samples) {
            return List.copyOf(samples.keySet());
        }
    }

    int count(String step) {
        synchronized (samples) {
            return samples.getOrDefault(step, List.of()).size();
        }
    }

    /** The p-th percentile (0–100, nearest rank) of a step in milliseconds; NaN when it has no samples. */
    double percentileMillis(String step, double p) {
        long[] sorted;
        synchronized (samples) {
            sorted = samples.getOrDefault(step, List.of()).stream().mapToLong(Long::longValue).toArray();
        }
        if (sorted.length == 0) {
            return Double.NaN;
        }
        Arrays.sort(sorted);
        int rank = (int) Math.ceil(p / 100.0 * sorted.length);
        return sorted[Math.max(0, Math.min(sorted.length - 1, rank - 1))] / 1e6;
    }

    /** Forgets the samples (after a warm-up), keeps nothing else. */
    void reset() {
        synchronized (samples) {
            samples.clear();
        }
        errors.set(0);
        synchronized (firstErrors) {
            firstErrors.clear();
        }
    }
}
