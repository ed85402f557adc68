package org.illflow.ops;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.ServerSocket;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.Paths;
import java.time.Duration;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import java.util.stream.Stream;

/**
 * One illflow node for the operational checks (crash, two nodes, benchmarks): the packaged application
 * ({@code target/illflow-*.jar}, built by {@code mvn -DskipTests package}) in a JVM of its own, started with
 * Spring properties as command-line arguments, its output appended to a log file. {@link #start} returns when
 * {@code /actuator/health} says UP (which illflow says only once the identities and demo data exist);
 * {@link #kill} is {@code kill -9} (no shutdown hook runs), {@link #stop} a normal shutdown.
 * <p>
 * Separate JVMs, not two Spring contexts in one: Camunda keeps its engines in static registries.
 */
public final class AppNode implements AutoCloseable {

    private final String name;
    private final int port;
    private final Path log;
    private final Map<String, String> properties;
    private final List<String> jvmOptions;
    private Process process;
    private int starts;
    private Duration startup;
    private Path jar;

    /**
     * @param properties Spring properties for this node, e.g. {@code illflow.data-dir} (passed as
     *                   {@code --key=value}; {@code server.port} is set from {@code port})
     */
    public AppNode(String name, int port, Path log, Map<String, String> properties, List<String> jvmOptions) {
        this.name = name;
        this.port = port;
        this.log = log;
        this.properties = new LinkedHashMap<>(properties);
        this.jvmOptions = List.copyOf(jvmOptions);
    }

    public AppNode(String name, int port, Path log, Map<String, String> properties) {
        this(name, port, log, properties, List.of("-Xmx768m"));
    }

    /** The jar {@code mvn -DskipTests package} built; the checks test exactly what would be deployed. */
    public static Path packagedJar() {
        String other = System.getProperty("ops.jar"); // e.g. an earlier build, to compare
        if (other != null && !other.isBlank()) {
            return Paths.get(other);
        }
        try (Stream<Path> files = Files.list(Paths.get("target"))) {
            return files.filter(p -> p.getFileName().toString().matches("illflow-.*\\.jar"))
                    .findFirst()
                    .orElseThrow(() -> new IllegalStateException(
                            "no target/illflow-*.jar: run `mvn -DskipTests package` first"));
        } catch (IOException e) {
            throw new IllegalStateException("no target folder: run `mvn -DskipTests package` first", e);
        }
    }

    public static int freePort() {
        try (ServerSocket socket = new ServerSocket(0)) {
            return socket.getLocalPort();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    public String name() {
        return name;
    }

    public int port() {
        return port;
    }

    public String baseUrl() {
        return "http://127.0.0.1:" + port;
    }

    /** Runs this jar instead of the one {@link #packagedJar()} finds (an earlier build, to compare). */
    public AppNode jar(Path jar) {
        this.jar = jar;
        return this;
    }

    /** Changes a property for the next start (e.g. back to the production value after a first install). */
    public void set(String key, String value) {
        properties.put(key, value);
    }

    public boolean isRunning() {
        return process != null && process.isAlive();
    }

    /** Starts the node and waits until its health says UP. */
    public void start(Duration timeout) {
        if (isRunning()) {
            throw new IllegalStateException(name + " is running already");
        }
        List<String> command = new ArrayList<>();
        command.add(ProcessHandle.current().info().command().orElse("java"));
        command.addAll(jvmOptions);
        command.add("-Dfile.encoding=UTF-8");
        command.add("-jar");
        command.add((jar != null ? jar : packagedJar()).toAbsolutePath().toString());
        command.add("--server.port=" + port);
        properties.forEach((key, value) -> command.add("--" + key + "=" + value));
        long begin = System.nanoTime();
        try {
            Files.createDirectories(log.toAbsolutePath().getParent());
            Files.writeString(log, "\n===== start " + (++starts) + " of " + name + " =====\n", StandardCharsets.UTF_8,
                    java.nio.file.StandardOpenOption.CREATE, java.nio.file.StandardOpenOption.APPEND);
            process = new ProcessBuilder(command).redirectErrorStream(true)
                    .redirectOutput(ProcessBuilder.Redirect.appendTo(log.toFile())).start();
            Process started = process;
            Runtime.getRuntime().addShutdownHook(new Thread(started::destroyForcibly)); // no node outlives a check
        } catch (IOException e) {
            throw new UncheckedIOException("could not start " + name, e);
        }
        awaitHealthy(timeout);
        startup = Duration.ofNanos(System.nanoTime() - begin);
    }

    /** From the last start of the JVM until its health answered UP. */
    public Duration startup() {
        return startup;
    }

    public long pid() {
        return process.pid();
    }

    /** Used heap in bytes after a full collection, read with the JDK's jcmd (GC.run, then GC.heap_info). */
    public long heapUsedAfterFullGc() {
        jcmd("GC.run");
        java.util.regex.Matcher used = java.util.regex.Pattern.compile("used (\\d+)K").matcher(jcmd("GC.heap_info"));
        if (!used.find()) {
            throw new IllegalStateException("jcmd GC.heap_info gave no used heap");
        }
        return Long.parseLong(used.group(1)) * 1024;
    }

    private String jcmd(String command) {
        Path jcmd = Paths.get(System.getProperty("java.home"), "bin", "jcmd");
        try {
            Process p = new ProcessBuilder(jcmd.toString(), Long.toString(pid()), command).redirectErrorStream(true)
                    .start();
            String out = new String(p.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
            p.waitFor(60, TimeUnit.SECONDS);
            return out;
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        }
    }

    private void awaitHealthy(Duration timeout) {
        HttpClient http = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(2)).build();
        long deadline = System.nanoTime() + timeout.toNanos();
        while (System.nanoTime() < deadline) {
            if (!process.isAlive()) {
                throw new IllegalStateException(name + " exited with " + process.exitValue() + " while starting; see "
                        + log);
            }
            try {
                HttpResponse<String> response = http.send(HttpRequest.newBuilder(URI.create(baseUrl()
                        + "/actuator/health")).timeout(Duration.ofSeconds(5)).GET().build(),
                        HttpResponse.BodyHandlers.ofString());
                if (response.statusCode() == 200 && response.body().contains("\"status\":\"UP\"")) {
                    return;
                }
            } catch (IOException notYet) {
                // not listening yet
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                throw new IllegalStateException(e);
            }
            sleep(250);
        }
        kill();
        throw new IllegalStateException(name + " was not healthy within " + timeout + "; see " + log);
    }

    /** {@code kill -9}: the JVM ends at once, no shutdown hook, no pending write flushed. */
    public void kill() {
        if (process != null && process.isAlive()) {
            process.destroyForcibly();
            waitFor(Duration.ofSeconds(30));
        }
    }

    /** A normal shutdown (SIGTERM), as an operator stops the service. */
    public void stop() {
        if (process != null && process.isAlive()) {
            process.destroy();
            if (!waitFor(Duration.ofSeconds(90))) {
                kill();
            }
        }
    }

    private boolean waitFor(Duration duration) {
        try {
            return process.waitFor(duration.toMillis(), TimeUnit.MILLISECONDS);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            return false;
        }
    }

    static void sleep(long millis) {
        try {
            Thread.sleep(millis);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        }
    }

    @Override
    public void close() {
        kill();
    }
}
