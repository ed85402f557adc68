package org.illflow.ops;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.ServerSocket;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;

/**
 * The packaged application ({@code target/illflow-*.jar}, built by {@code mvn package}) started as a JVM of its own,
 * as it runs in production: the caller gives JVM options and Spring arguments, this waits until
 * {@code /actuator/health} answers UP, and stops it again (SIGTERM first, so shutdown hooks run). For checks and
 * benchmarks that must see the application from outside: start-up time, heap, a kill in the middle of work.
 */
public final class AppProcess implements AutoCloseable {

    private static final Pattern HEAP_USED = Pattern.compile("used (\\d+)K");

    private final Process process;
    private final int port;
    private final Duration startup;
    private final Path log;

    private AppProcess(Process process, int port, Duration startup, Path log) {
        this.process = process;
        this.port = port;
        this.startup = startup;
        this.log = log;
    }

    /**
     * Starts {@code java <jvmOptions> -jar <jar> --server.port=<free port> <arguments>} with its output in {@code log},
     * and waits for health UP (at most {@code timeout}). Fails with the end of the log when it does not come up.
     */
    public static AppProcess start(Path jar, List<String> jvmOptions, List<String> arguments, Path log,
            Duration timeout) {
        int port = freePort();
        List<String> command = new ArrayList<>();
        command.add(Path.of(System.getProperty("java.home"), "bin", "java").toString());
        command.addAll(jvmOptions);
        command.add("-jar");
        command.add(jar.toString());
        command.add("--server.port=" + port);
        command.addAll(arguments);
        long begin = System.nanoTime();
        Process process;
        try {
            Files.createDirectories(log.toAbsolutePath().getParent());
            process = new ProcessBuilder(command).redirectErrorStream(true).redirectOutput(log.toFile()).start();
        } catch (IOException e) {
            throw new UncheckedIOException("could not start " + jar, e);
        }
        AppProcess app = new AppProcess(process, port, null, log);
        HttpClient http = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(2)).build();
        long deadline = begin + timeout.toNanos();
        while (System.nanoTime() < deadline) {
            if (!process.isAlive()) {
                throw new IllegalStateException("the application exited with " + process.exitValue() + ":\n" + app.logTail());
            }
            if (app.healthy(http)) {
                return new AppProcess(process, port, Duration.ofNanos(System.nanoTime() - begin), log);
            }
            sleep(200);
        }
        app.close();
        throw new IllegalStateException("the application was not healthy after " + timeout + ":\n" + app.logTail());
    }

    /** The newest {@code illflow-*.jar} Spring Boot's repackaging left in the directory (not the {@code .original}). */
    public static Path packagedJar(Path targetDirectory) {
        try (Stream<Path> files = Files.list(targetDirectory)) {
            return files.filter(p -> p.getFileName().toString().matches("illflow-.*\\.jar"))
                    .max((a, b) -> Long.compare(a.toFile().lastModified(), b.toFile().lastModified()))
                    .orElseThrow(() -> new IllegalStateException("no illflow-*.jar in " + targetDirectory
                            + ": run mvn package first"));
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    public static int freePort() {
        try (ServerSocket socket = new ServerSocket(0)) {
            socket.setReuseAddress(true);
            return socket.getLocalPort();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private boolean healthy(HttpClient http) {
        try {
            HttpResponse<String> response = http.send(HttpRequest.newBuilder(URI.create(baseUrl() + "/actuator/health"))
                    .timeout(Duration.ofSeconds(2)).build(), HttpResponse.BodyHandlers.ofString());
            return response.statusCode() == 200 && response.body().contains("\"UP\"");
        } catch (IOException e) {
            return false;
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        }
    }

    public String baseUrl() {
        return "http://localhost:" + port;
    }

    public int port() {
        return port;
    }

    public long pid() {
        return process.pid();
    }

    /** From the start of the JVM until health answered UP. */
    public Duration startup() {
        return startup;
    }

    /** Used heap in bytes after a full collection, read with the JDK's jcmd (GC.run, then GC.heap_info). */
    public long heapUsedAfterFullGc() {
        jcmd("GC.run");
        Matcher used = HEAP_USED.matcher(jcmd("GC.heap_info"));
        if (!used.find()) {
            throw new IllegalStateException("jcmd GC.heap_info gave no used heap");
        }
        return Long.parseLong(used.group(1)) * 1024;
    }

    private String jcmd(String command) {
        Path jcmd = Path.of(System.getProperty("java.home"), "bin", "jcmd");
        try {
            Process p = new ProcessBuilder(jcmd.toString(), Long.toString(pid()), command).redirectErrorStream(true).start();
            String out = new String(p.getInputStream().readAllBytes(), java.nio.charset.StandardCharsets.UTF_8);
            p.waitFor(60, TimeUnit.SECONDS);
            return out;
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        }
    }

    /** The last lines of the application's output, for failure messages. */
    public String logTail() {
        try {
            List<String> lines = Files.readAllLines(log, java.nio.charset.StandardCharsets.UTF_8);
            return String.join("\n", lines.subList(Math.max(0, lines.size() - 40), lines.size()));
        } catch (IOException e) {
            return "(no log: " + e.getMessage() + ")";
        }
    }

    /** Hard stop, as a crash would: no shutdown hooks. */
    public void kill() {
        process.destroyForcibly();
        waitFor(Duration.ofSeconds(30));
    }

    @Override
    public void close() {
        if (process.isAlive()) {
            process.destroy();
            if (!waitFor(Duration.ofSeconds(30))) {
                kill();
            }
        }
    }

    private boolean waitFor(Duration timeout) {
        try {
            return process.waitFor(timeout.toMillis(), TimeUnit.MILLISECONDS);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            return false;
        }
    }

    private static void sleep(long millis) {
        try {
            Thread.sleep(millis);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        }
    }
}
