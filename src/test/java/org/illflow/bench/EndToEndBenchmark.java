package org.illflow.bench;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;

import org.illflow.ops.AppNode;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.jdbc.datasource.DriverManagerDataSource;

import io.zonky.test.db.postgres.embedded.EmbeddedPostgres;

/**
 * Not a test: the end-to-end benchmark (README, "Performance"). For H2 and for PostgreSQL (embedded, or the server
 * named by {@code ILLFLOW_DB_URL}/{@code _USER}/{@code _PASSWORD}) it starts the packaged application as a JVM of its
 * own, seeds patrons with long histories and a million imported citations, drives document delivery requests end to
 * end through the HTTP interfaces ({@link IllflowDriver}), lets the job executor send the notices, loads the portal
 * with many patrons at once, reads the heap; then runs the same requests through the {@link EngineSkeleton} on the
 * same database server, and prints one table. Offline once built: {@code mvn -o -Pbenchmark package exec:java@e2e}.
 *
 * <p>Settings (system properties): {@code bench.requests} (measured requests, default 400), {@code bench.clients}
 * (concurrent clients, 8), {@code bench.patrons} (50), {@code bench.history} (earlier requests per patron, 200),
 * {@code bench.citations} (1,000,000), {@code bench.portal-rounds} (page loads per patron, 20),
 * {@code bench.desk-rounds} (rounds of the request desk's searches, 10), {@code bench.app-options} (more JVM options
 * for the application, e.g. a flight recording), {@code bench.databases} ({@code h2,postgresql}).
 */
public final class EndToEndBenchmark {

    /** The demo administrator: the job queries need it (the engine's authorizations hide jobs from staff). */
    private static final IllflowDriver.Account ADMIN = new IllflowDriver.Account("admin", "admin2026");
    private static final int REQUESTS = Integer.getInteger("bench.requests", 400);
    private static final int CLIENTS = Integer.getInteger("bench.clients", 8);
    private static final int PATRONS = Integer.getInteger("bench.patrons", 50);
    private static final int HISTORY = Integer.getInteger("bench.history", 200);
    private static final long CITATIONS = Long.getLong("bench.citations", 1_000_000L);
    private static final int PORTAL_ROUNDS = Integer.getInteger("bench.portal-rounds", 20);
    private static final int DESK_ROUNDS = Integer.getInteger("bench.desk-rounds", 10);
    /** The application to measure: {@code -Dbench.jar=…} (an older build, say), else the one {@code package} made. */
    private static final Path JAR = System.getProperty("bench.jar") == null ? AppNode.packagedJar()
            : Path.of(System.getProperty("bench.jar"));
    private static final String JVM_HEAP = System.getProperty("bench.app-heap", "-Xmx1g");
    /** More options for the application's JVM, space-separated: a profiler, say ({@code -XX:StartFlightRecording=…}). */
    private static final List<String> JVM_OPTIONS = jvmOptions();

    /** One column of the table. */
    static final class Column {
        final String name;
        final Map<String, String> cells = new LinkedHashMap<>();
        double rate;

        Column(String name) {
            this.name = name;
        }

        void put(String row, String value) {
            cells.put(row, value);
        }
    }

    private EndToEndBenchmark() {
    }

    public static void main(String[] args) throws Exception {
        Path work = Files.createDirectories(Path.of("target", "bench"));
        List<Column> columns = new ArrayList<>();
        String databases = System.getProperty("bench.databases", "h2,postgresql");
        if (databases.contains("h2")) {
            Path dir = fresh(work.resolve("h2"));
            // the embedded default's settings (application.yml), and the auto-server mode so the benchmark can seed
            // the database the application has open
            String url = "jdbc:h2:file:" + dir.toAbsolutePath() + "/illflow;AUTO_SERVER=TRUE;WRITE_DELAY=0"
                    + ";CACHE_SIZE=65536";
            columns.add(illflow("H2 " + org.h2.engine.Constants.VERSION, url, "sa", "", false, dir));
            columns.add(skeleton("H2", "jdbc:h2:file:" + dir.toAbsolutePath() + "/skeleton;WRITE_DELAY=0"
                    + ";CACHE_SIZE=65536", "sa", "", columns)); // the same database settings as illflow's
            print(columns);
        }
        if (databases.contains("postgresql")) {
            String url = System.getenv("ILLFLOW_DB_URL");
            if (url != null && !url.isBlank()) {
                String user = System.getenv("ILLFLOW_DB_USER");
                String password = System.getenv().getOrDefault("ILLFLOW_DB_PASSWORD", "");
                postgres(columns, url, user, password, work);
            } else {
                try (EmbeddedPostgres server = EmbeddedPostgres.builder()
                        .setDataDirectory(fresh(work.resolve("postgres"))).setCleanDataDirectory(true).start()) {
                    new JdbcTemplate(server.getPostgresDatabase()).execute("create database illflow");
                    postgres(columns, server.getJdbcUrl("postgres", "illflow"), "postgres", "", work);
                }
            }
            print(columns);
        }
    }

    private static void postgres(List<Column> columns, String url, String user, String password, Path work)
            throws IOException {
        JdbcTemplate admin = new JdbcTemplate(new DriverManagerDataSource(url, user, password));
        String version = admin.queryForObject("show server_version", String.class).split(" ")[0];
        columns.add(illflow("PostgreSQL " + version, url, user, password, true, fresh(work.resolve("pg-data"))));
        admin.execute("create schema if not exists skeleton");
        String skeletonUrl = url + (url.contains("?") ? "&" : "?") + "currentSchema=skeleton";
        columns.add(skeleton("PostgreSQL", skeletonUrl, user, password, columns));
    }

    /** illflow as a separate JVM on the given database. */
    private static Column illflow(String database, String url, String user, String password, boolean postgres,
            Path dataDir) {
        Column column = new Column("illflow, " + database);
        Map<String, String> properties = new LinkedHashMap<>();
        properties.put("spring.datasource.url", url);
        properties.put("spring.datasource.username", user);
        properties.put("spring.datasource.password", password);
        properties.put("illflow.data-dir", dataDir.toAbsolutePath().toString());
        properties.put("illflow.mail.embedded.port", String.valueOf(AppNode.freePort()));
        properties.put("logging.level.org.illflow", "WARN");
        Path log = dataDir.resolve("illflow.log");
        System.out.printf("%n== %s: starting %s (log %s)%n", column.name, "the packaged application", log);
        try (AppNode app = new AppNode(column.name, AppNode.freePort(), log, properties, JVM_OPTIONS).jar(JAR)) {
            app.start(Duration.ofMinutes(Integer.getInteger("bench.startup-timeout-minutes", 15)));
            column.put("start-up to healthy (s)", seconds(app.startup().toNanos()));
            JdbcTemplate jdbc = new JdbcTemplate(new DriverManagerDataSource(url, user, password));
            BenchSeed seed = new BenchSeed(jdbc, postgres);
            long seeding = System.nanoTime();
            List<IllflowDriver.Account> patrons = seed.patrons(PATRONS);
            seed.requestHistory(PATRONS, HISTORY);
            seed.archivedCitations(CITATIONS);
            System.out.printf(Locale.ROOT, "   seeded %d patrons × %d requests and %,d archived citations in %s s%n",
                    PATRONS, HISTORY, CITATIONS, seconds(System.nanoTime() - seeding));

            Timings timings = new Timings();
            IllflowDriver driver = new IllflowDriver(app.baseUrl(), new IllflowDriver.Account("ddstaff", "staff2026"),
                    patrons, timings, "w", () -> { }).logInPatrons();
            // warm-up (not counted): one request alone (the first of each kind of work), then two rounds of every client
            timings.run(1, 1, driver::pipeline);
            timings.run(CLIENTS, CLIENTS * 2, i -> driver.pipeline(i + 1));
            driver.drainJobs(ADMIN, () -> { }, 600);
            timings.reset();
            System.out.printf("   warm; driving %d requests with %d clients%n", REQUESTS, CLIENTS);
            IllflowDriver measured = new IllflowDriver(app.baseUrl(), new IllflowDriver.Account("ddstaff", "staff2026"),
                    patrons, timings, "m", () -> { }).logInPatrons();
            long wall = timings.run(CLIENTS, REQUESTS, measured::pipeline);
            long drain = measured.drainJobs(ADMIN, () -> { }, 1800);
            endToEnd(column, timings, wall, drain);
            long sent = measured.requestNumbers().stream().filter(n -> jdbc.queryForObject(
                    "select count(*) from notice where subject_key = ? and kind = 'DD_DELIVERED' and status = 'SENT'", Integer.class,
                    n) == 1).count();
            column.put("notices sent over SMTP", sent + " of " + measured.requestNumbers().size());

            archiveLookups(column, jdbc);
            portal(column, app.baseUrl(), patrons);
            desk(column, app.baseUrl());
            column.put("heap used after full GC (MB)", String.valueOf(app.heapUsedAfterFullGc() / (1024 * 1024)));
        }
        return column;
    }

    private static void endToEnd(Column column, Timings timings, long wall, long drain) {
        int done = REQUESTS - timings.errors();
        column.rate = done / (wall / 1e9);
        column.put("requests end to end (clients)", done + " (" + CLIENTS + ")");
        column.put("errors", timings.errors() + (timings.errors() == 0 ? "" : " " + timings.firstErrors()));
        column.put("requests/s end to end", String.format(Locale.ROOT, "%.1f", column.rate));
        for (String step : timings.steps()) {
            column.put(step + " p50 / p99 (ms)", String.format(Locale.ROOT, "%.0f / %.0f",
                    timings.percentileMillis(step, 50), timings.percentileMillis(step, 99)));
        }
        column.put("job backlog drain after the run (s)", seconds(drain));
    }

    /**
     * The duplicate check's two lookups over the seeded citations, as the archive's repository issues them (by DOI
     * key; by title key and year), for 1,000 random seeded keys each: the database's part, which grows with the
     * archive. The order sheet step above is the same check seen from Tasklist, over HTTP.
     */
    private static void archiveLookups(Column column, JdbcTemplate jdbc) {
        Timings timings = new Timings();
        java.util.Random random = new java.util.Random(12);
        for (int i = 0; i < 1000; i++) {
            long g = 1 + (long) (random.nextDouble() * CITATIONS);
            timings.time("archive lookup by DOI (SQL)", () -> jdbc.queryForList("select * from archived_citation"
                    + " where doi_key = ? order by id desc", "10.9999/bench." + g));
            timings.time("archive lookup by title and year (SQL)", () -> jdbc.queryForList("select * from"
                    + " archived_citation where title_key = ? and pub_year = ? order by id desc", "archived article " + g,
                    (int) (2000 + g % 25)));
        }
        for (String step : timings.steps()) {
            column.put(step + ", " + String.format(Locale.ROOT, "%,d", CITATIONS) + " citations p50 / p99 (ms)",
                    String.format(Locale.ROOT, "%.1f / %.1f", timings.percentileMillis(step, 50),
                            timings.percentileMillis(step, 99)));
        }
    }

    /**
     * The request desk ({@code /staff/requests}) over every request in the database (the seeded history and the
     * measured run): what staff look up all day, page by page, as the page itself runs it (count, page of rows,
     * open tasks of the rows). {@code bench.desk-rounds} (10) rounds of {@link IllflowDriver#deskRound}, two staff members at
     * once, and a request's page with its whole timeline.
     */
    private static void desk(Column column, String base) {
        Timings timings = new Timings();
        List<WebSession> staff = List.of(new WebSession(base).login("ddstaff", "staff2026"),
                new WebSession(base).login("illstaff", "staff2026"));
        int history = PATRONS * HISTORY;
        timings.run(staff.size(), staff.size() * DESK_ROUNDS, i -> {
            WebSession desk = staff.get(i % staff.size());
            int g = 1 + (i * 7919) % history;
            String seeded = String.format(Locale.ROOT, "DD-2020-%06d", g);
            String card = String.format(Locale.ROOT, "B%05d", g % PATRONS + 1);
            IllflowDriver.deskRound(desk, seeded, card, timings);
        });
        column.put("desk: requests in the database", String.format(Locale.ROOT, "%,d", history + REQUESTS));
        for (String step : timings.steps()) {
            column.put(step + " p50 / p99 (ms)", String.format(Locale.ROOT, "%.0f / %.0f",
                    timings.percentileMillis(step, 50), timings.percentileMillis(step, 99)));
        }
        if (timings.errors() > 0) {
            column.put("desk errors", timings.errors() + " " + timings.firstErrors());
        }
    }

    /** Every seeded patron at once, each loading the home page, My requests and one request page, repeatedly. */
    private static void portal(Column column, String base, List<IllflowDriver.Account> patrons) {
        Timings timings = new Timings();
        List<WebSession> sessions = patrons.stream().map(p -> new WebSession(base).login(p.user(), p.password())).toList();
        timings.run(patrons.size(), patrons.size() * PORTAL_ROUNDS, i -> {
            WebSession patron = sessions.get(i % sessions.size());
            int card = i % sessions.size() + 1;
            timings.time("portal: home", () -> patron.getOk("/"));
            timings.time("portal: My requests", () -> patron.getOk("/requests"));
            // one of this patron's seeded requests (request g belongs to patron mod(g, patrons) + 1)
            long g = (long) (i / sessions.size()) * sessions.size() + card - 1;
            String number = String.format("DD-2020-%06d", g == 0 ? sessions.size() : g);
            timings.time("portal: request page", () -> patron.getOk("/requests/" + number));
        });
        String load = patrons.size() + " patrons × " + HISTORY + " requests";
        column.put("portal load", load + (timings.errors() == 0 ? "" : ", " + timings.errors() + " errors "
                + timings.firstErrors()));
        for (String step : timings.steps()) {
            column.put(step + " p50 / p99 (ms)", String.format(Locale.ROOT, "%.0f / %.0f",
                    timings.percentileMillis(step, 50), timings.percentileMillis(step, 99)));
        }
    }

    /** The engine skeleton in this JVM on the same database server, with the same load. */
    private static Column skeleton(String database, String url, String user, String password, List<Column> before) {
        Column column = new Column("skeleton, " + database);
        System.out.printf("%n== %s%n", column.name);
        long start = System.nanoTime();
        try (EngineSkeleton skeleton = new EngineSkeleton("skeleton", url, user, password, true)) {
            column.put("start-up to healthy (s)", seconds(System.nanoTime() - start));
            Timings timings = new Timings();
            timings.run(CLIENTS, CLIENTS * 2 + 1, i -> skeleton.pipeline(i, "w", timings));
            skeleton.drainJobs(600);
            timings.reset();
            long wall = timings.run(CLIENTS, REQUESTS, i -> skeleton.pipeline(i, "m", timings));
            long drain = skeleton.drainJobs(1800);
            endToEnd(column, timings, wall, drain);
        }
        Column illflow = before.get(before.size() - 1);
        String ratio = String.format(Locale.ROOT, "%.2f", illflow.rate / column.rate);
        illflow.put("illflow ÷ skeleton (requests/s)", ratio);
        column.put("illflow ÷ skeleton (requests/s)", ratio);
        return column;
    }

    private static void print(List<Column> columns) {
        Set<String> rows = new LinkedHashSet<>();
        columns.forEach(c -> rows.addAll(c.cells.keySet()));
        StringBuilder out = new StringBuilder();
        out.append("\n").append(machine()).append("\n\n| what |");
        columns.forEach(c -> out.append(' ').append(c.name).append(" |"));
        out.append("\n|---|");
        columns.forEach(c -> out.append("---:|"));
        for (String row : rows) {
            out.append("\n| ").append(row).append(" |");
            columns.forEach(c -> out.append(' ').append(c.cells.getOrDefault(row, "—")).append(" |"));
        }
        System.out.println(out.append('\n'));
    }

    /** Cores, CPU, memory, JVM: printed above the table, so every figure has its machine next to it. */
    static String machine() {
        String cpu = "?";
        String memory = "?";
        try {
            cpu = Files.readAllLines(Path.of("/proc/cpuinfo"), StandardCharsets.UTF_8).stream()
                    .filter(l -> l.startsWith("model name")).map(l -> l.substring(l.indexOf(':') + 1).strip())
                    .findFirst().orElse("?");
            memory = Files.readAllLines(Path.of("/proc/meminfo"), StandardCharsets.UTF_8).stream()
                    .filter(l -> l.startsWith("MemTotal")).map(l -> Long.parseLong(l.replaceAll("\\D", "")) / 1024 / 1024 + " GB")
                    .findFirst().orElse("?");
        } catch (IOException | RuntimeException e) {
            // not Linux: leave the question marks
        }
        return String.format(Locale.ROOT, "Machine: %d cores (%s), %s RAM, Java %s; load generator on the same machine;"
                + " application JVM %s; %d clients, %d requests measured after %d warm-up requests",
                Runtime.getRuntime().availableProcessors(), cpu, memory, System.getProperty("java.version"), JVM_HEAP,
                CLIENTS, REQUESTS, CLIENTS * 2 + 1);
    }

    private static String seconds(long nanos) {
        return String.format(Locale.ROOT, "%.1f", nanos / 1e9);
    }

    private static Path fresh(Path dir) throws IOException {
        if (Files.exists(dir)) {
            try (var walk = Files.walk(dir)) {
                walk.sorted(java.util.Comparator.reverseOrder()).forEach(p -> p.toFile().delete());
            }
        }
        return Files.createDirectories(dir);
    }

    private static List<String> jvmOptions() {
        List<String> options = new ArrayList<>(List.of(JVM_HEAP));
        String more = System.getProperty("bench.app-options", "").strip();
        if (!more.isEmpty()) {
            options.addAll(List.of(more.split("\\s+")));
        }
        return options;
    }
}
