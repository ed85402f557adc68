package org.illflow.ops;

import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.Paths;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.stream.Stream;

import org.illflow.support.PortalClient;

import com.icegreen.greenmail.util.GreenMail;
import com.icegreen.greenmail.util.ServerSetup;

/**
 * The crash check: the packaged application on a fresh data folder, several patrons sending article requests,
 * the process killed with {@code kill -9} N times and started again on the same data. Afterwards, from the
 * database: every acknowledged request (201 with a number) is there with its process instance and its number
 * was not given to anyone else, no instance is without its request, no job is stuck without an incident, and
 * every notice marked sent reached the SMTP server with the Message-ID the outbox recorded. Then a backup is
 * taken (database and archive folder) and restored into a fresh database and folder, and every request and PDF
 * is checked there.
 *
 * <pre>
 * mvn -DskipTests package
 * mvn -Pops exec:java -Dexec.mainClass=org.illflow.ops.CrashCheck -Dexec.args="--db h2 --kills 20"
 * mvn -Pops exec:java -Dexec.mainClass=org.illflow.ops.CrashCheck -Dexec.args="--db postgres --kills 20"
 * </pre>
 * Options: {@code --db h2|postgres}, {@code --kills N} (20), {@code --clients N} (6), {@code --deliver N} (3 requests
 * receive a PDF), {@code --pg auto|local|embedded}, {@code --seed N}, {@code --tag -x} (work folder suffix). Exit code 0 when everything held.
 */
public final class CrashCheck {

    public static void main(String[] args) throws Exception {
        Map<String, String> o = options(args, Map.of("db", "h2", "kills", "20", "clients", "6", "deliver", "3",
                "pg", "auto", "seed", "2026", "tag", ""));
        boolean postgres = o.get("db").equals("postgres");
        int kills = Integer.parseInt(o.get("kills"));
        Random random = new Random(Long.parseLong(o.get("seed")));
        Path work = fresh(Paths.get("target", "ops", "crash-" + o.get("db") + o.get("tag")).toAbsolutePath());
        Path data = work.resolve("data");
        long began = System.currentTimeMillis();

        quietMailSink();
        GreenMail smtp = new GreenMail(new ServerSetup(AppNode.freePort(), "127.0.0.1", ServerSetup.PROTOCOL_SMTP));
        smtp.start();
        PostgresServer pg = postgres ? PostgresServer.start(o.get("pg")) : null;
        boolean passed;
        try {
            if (pg != null) {
                pg.createDatabase("illflow");
            }
            AppNode node = new AppNode("illflow", AppNode.freePort(), work.resolve("node.log"),
                    NodeSettings.of(data, smtp.getSmtp().getPort(), pg == null ? null : pg.jdbcUrl("illflow")));
            System.out.printf("Crash check on %s: %d kills, %d clients, log %s%n",
                    pg == null ? "H2 (embedded default)" : pg.kind(), kills, Integer.parseInt(o.get("clients")),
                    work.resolve("node.log"));
            node.start(Duration.ofMinutes(10));
            node.set("camunda.bpm.database.schema-update", "false"); // restarts run as production does
            PatronLoad load = new PatronLoad(Long.toString(began, 36), Integer.parseInt(o.get("clients")),
                    client -> node.baseUrl());
            load.start();
            long[] killedAt = new long[kills];
            for (int i = 0; i < kills; i++) {
                // the kill falls while the patrons are sending: after they are answered again, at a random moment
                awaitNewAcks(load, Duration.ofMinutes(3));
                AppNode.sleep(random.nextInt(1000)); // within a second of an answer: when an undurable commit is lost
                killedAt[i] = System.currentTimeMillis();
                node.kill();
                System.out.printf("  kill -9 #%d after %d acknowledged requests%n", i + 1, load.acks().size());
                node.start(Duration.ofMinutes(10));
            }
            awaitNewAcks(load, Duration.ofMinutes(3));
            AppNode.sleep(3000);
            load.close();

            Map<String, byte[]> pdfs = deliver(node, load.acks(), Integer.parseInt(o.get("deliver")));
            awaitQuiet(node);
            node.stop();

            Ledger ledger;
            try (Connection db = connect(pg, "illflow", data)) {
                ledger = Ledger.check(db, load.acks(), Arrays.asList(smtp.getReceivedMessages()), killedAt);
                archived(db, data.resolve("archive"), pdfs, ledger);
            }
            ledger.figure("requests sent", load.sent());
            ledger.figure("tries while the node was down or killed", load.unanswered());
            ledger.figure("requests refused, by status", load.refusals());
            System.out.println("After " + kills + " kills:");
            System.out.print(ledger.report());

            Ledger restored = backupAndRestore(pg, work, data, smtp.getSmtp().getPort(), load.acks(), pdfs);
            System.out.println("Backup and restore:");
            System.out.print(restored.report());
            passed = ledger.passed() && restored.passed();
        } finally {
            smtp.stop();
            if (pg != null) {
                pg.close();
            }
        }
        System.out.printf("Crash check %s in %d s%n", passed ? "PASSED" : "FAILED",
                (System.currentTimeMillis() - began) / 1000);
        System.exit(passed ? 0 : 1);
    }

    /** The check's SMTP sink logs every mailbox it creates; only its warnings matter here. */
    static void quietMailSink() {
        ((ch.qos.logback.classic.Logger) org.slf4j.LoggerFactory.getLogger("com.icegreen"))
                .setLevel(ch.qos.logback.classic.Level.WARN);
    }

    /** Waits until the patrons get new acknowledgements (after a restart they log in again first). */
    static void awaitNewAcks(PatronLoad load, Duration timeout) {
        int before = load.acks().size();
        long deadline = System.nanoTime() + timeout.toNanos();
        while (load.acks().size() <= before && System.nanoTime() < deadline) {
            AppNode.sleep(200);
        }
    }

    /** Staff order and receive a few of the acknowledged requests that are not held locally: PDFs in the archive. */
    static Map<String, byte[]> deliver(AppNode node, List<PatronLoad.Ack> acks, int count) {
        Map<String, byte[]> pdfs = new LinkedHashMap<>();
        if (count == 0) {
            return pdfs;
        }
        StaffDesk desk = new StaffDesk(node.baseUrl());
        for (PatronLoad.Ack ack : acks) {
            if (pdfs.size() >= count) {
                break;
            }
            if (TwoNodeCheck.notHeld(ack)) {
                pdfs.put(ack.number(), desk.orderAndReceive(ack.number()));
            }
        }
        return pdfs;
    }

    /** Waits until the node's job executor has nothing due (at most two minutes). */
    static void awaitQuiet(AppNode node) {
        long deadline = System.nanoTime() + Duration.ofMinutes(2).toNanos();
        while (System.nanoTime() < deadline && StaffDesk.executableJobs(node.baseUrl()) > 0) {
            AppNode.sleep(1000);
        }
    }

    static Connection connect(PostgresServer pg, String database, Path data) throws SQLException {
        if (pg != null) {
            return pg.connect(database);
        }
        return DriverManager.getConnection("jdbc:h2:file:" + data.toAbsolutePath().resolve("illflow")
                + ";ACCESS_MODE_DATA=r", "sa", "");
    }

    /** Every delivered request has its PDF in the archive folder, byte for byte. */
    static void archived(Connection db, Path archive, Map<String, byte[]> pdfs, Ledger ledger) throws SQLException,
            IOException {
        int present = 0;
        for (Map.Entry<String, byte[]> pdf : pdfs.entrySet()) {
            try (Statement s = db.createStatement(); ResultSet rs = s.executeQuery(
                    "select d.storage_path from document_delivery_request r join archived_document d "
                            + "on d.id = r.document_id where r.request_number = '" + pdf.getKey() + "'")) {
                Path file = rs.next() ? archive.resolve(rs.getString(1)) : null;
                if (file != null && Files.exists(file) && Arrays.equals(Files.readAllBytes(file), pdf.getValue())) {
                    present++;
                } else {
                    ledger.problem("PDF MISSING for " + pdf.getKey() + (file == null ? " (no document)" : " at " + file));
                }
            }
        }
        ledger.figure("delivered PDFs in the archive", present + " of " + pdfs.size());
    }

    /**
     * The backup the operations guide describes, then a restore into a fresh database and data folder, and a node
     * started on it: every acknowledged request is listed for its patron, every PDF downloads byte for byte.
     * PostgreSQL: {@code pg_dump -Fc} and a copy of the archive folder; H2: a copy of the data folder taken while
     * the node is stopped.
     */
    static Ledger backupAndRestore(PostgresServer pg, Path work, Path data, int smtpPort,
            List<PatronLoad.Ack> acks, Map<String, byte[]> pdfs) throws Exception {
        Ledger ledger = new Ledger();
        Path backup = work.resolve("backup");
        Path restoredData = work.resolve("restored");
        String restoredUrl = null;
        if (pg != null) {
            if (!pg.canBackUp()) {
                ledger.figure("backup and restore", "not checked: " + pg.kind() + " has no pg_dump");
                return ledger;
            }
            Files.createDirectories(backup);
            pg.dump("illflow", backup.resolve("illflow.dump"));
            copy(data.resolve("archive"), backup.resolve("archive"));
            pg.restore(backup.resolve("illflow.dump"), "restored");
            copy(backup.resolve("archive"), restoredData.resolve("archive"));
            restoredUrl = pg.jdbcUrl("restored");
        } else {
            copy(data, backup);
            copy(backup, restoredData);
        }
        try (Connection original = connect(pg, "illflow", data);
                Connection copy = connect(pg, "restored", restoredData)) {
            for (String table : List.of("document_delivery_request", "dd_timeline_event", "notice", "archived_document",
                    "act_hi_procinst", "act_ru_execution", "act_ru_job", "act_ru_task")) {
                String sql = "select count(*) from " + table;
                String before = Ledger.column(original, sql).get(0);
                String after = Ledger.column(copy, sql).get(0);
                if (!before.equals(after)) {
                    ledger.problem("RESTORED " + table + " has " + after + " rows, the original " + before);
                }
            }
        }
        AppNode node = new AppNode("restored", AppNode.freePort(), work.resolve("restored.log"),
                NodeSettings.of(restoredData, smtpPort, restoredUrl));
        node.set("camunda.bpm.database.schema-update", "false"); // the restored schema is complete
        try {
            node.start(Duration.ofMinutes(10));
            int listed = 0;
            for (String patron : PatronLoad.PATRONS) {
                PortalClient client = new PortalClient(node.baseUrl());
                client.login(patron, PatronLoad.PATRON_PASSWORD);
                String mine = client.get("/api/dd-requests").body();
                for (PatronLoad.Ack ack : acks) {
                    if (ack.patron().equals(patron)) {
                        if (mine.contains("\"" + ack.number() + "\"")) {
                            listed++;
                        } else {
                            ledger.problem("RESTORE LOST " + ack.number());
                        }
                    }
                }
                for (PatronLoad.Ack ack : acks) {
                    if (ack.patron().equals(patron) && pdfs.containsKey(ack.number())) {
                        byte[] pdf = download(client, ack.number());
                        if (!Arrays.equals(pdf, pdfs.get(ack.number()))) {
                            ledger.problem("RESTORED PDF DIFFERS for " + ack.number());
                        }
                    }
                }
            }
            ledger.figure("acknowledged requests listed after restore", listed + " of " + acks.size());
            ledger.figure("PDFs downloaded after restore", pdfs.size());
        } finally {
            node.stop();
        }
        return ledger;
    }

    private static byte[] download(PortalClient client, String number) throws IOException, InterruptedException {
        HttpResponse<String> redirect = client.get("/api/dd-requests/" + number + "/download");
        String location = redirect.headers().firstValue("Location").orElseThrow(
                () -> new IllegalStateException("no download link for " + number + ": " + redirect.statusCode()));
        String cookie = "JSESSIONID=" + client.cookie("JSESSIONID");
        URI uri = URI.create(client.base()).resolve(location);
        return HttpClient.newHttpClient().send(HttpRequest.newBuilder(uri).header("Cookie", cookie).GET().build(),
                HttpResponse.BodyHandlers.ofByteArray()).body();
    }

    static Path fresh(Path dir) throws IOException {
        if (Files.exists(dir)) {
            try (Stream<Path> files = Files.walk(dir)) {
                files.sorted(java.util.Comparator.reverseOrder()).forEach(p -> p.toFile().delete());
            }
        }
        return Files.createDirectories(dir);
    }

    static void copy(Path from, Path to) throws IOException {
        if (!Files.exists(from)) {
            Files.createDirectories(to);
            return;
        }
        try (Stream<Path> files = Files.walk(from)) {
            for (Path source : (Iterable<Path>) files::iterator) {
                Path target = to.resolve(from.relativize(source).toString());
                if (Files.isDirectory(source)) {
                    Files.createDirectories(target);
                } else {
                    Files.copy(source, target);
                }
            }
        }
    }

    static Map<String, String> options(String[] args, Map<String, String> defaults) {
        Map<String, String> options = new LinkedHashMap<>(defaults);
        List<String> list = new ArrayList<>(List.of(args.length == 1 ? args[0].trim().split("\\s+") : args));
        for (int i = 0; i + 1 < list.size(); i += 2) {
            if (!list.get(i).startsWith("--") || !defaults.containsKey(list.get(i).substring(2))) {
                throw new IllegalArgumentException("unknown option " + list.get(i) + "; options: " + defaults.keySet());
            }
            options.put(list.get(i).substring(2), list.get(i + 1));
        }
        return options;
    }
}
