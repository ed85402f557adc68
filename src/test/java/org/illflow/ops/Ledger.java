package org.illflow.ops;

import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.Collection;
import java.util.HashMap;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.function.Function;
import java.util.stream.Collectors;

import jakarta.mail.MessagingException;
import jakarta.mail.internet.MimeMessage;

/**
 * What an operational check verifies after the nodes stopped, straight from the database: every acknowledged
 * request is there (same patron, same title: its number was not handed out again) with its process instance, no
 * document delivery instance exists without its request, no job is stuck (no retries left and no incident), and
 * every notice the outbox calls sent reached the SMTP server under the Message-ID the outbox recorded (a resend
 * after a crash may repeat that mail, with the same Message-ID).
 */
final class Ledger {

    private final List<String> problems = new ArrayList<>();
    private final Map<String, Object> figures = new LinkedHashMap<>();

    static Ledger check(Connection db, Collection<PatronLoad.Ack> acks, Collection<MimeMessage> mails, long[] killedAt)
            throws SQLException {
        Ledger ledger = new Ledger();
        ledger.requests(db, acks, killedAt);
        ledger.instances(db);
        ledger.jobs(db);
        ledger.notices(db, mails);
        return ledger;
    }

    private void requests(Connection db, Collection<PatronLoad.Ack> acks, long[] killedAt) throws SQLException {
        Map<String, String[]> stored = new HashMap<>();
        Set<String> instances = new HashSet<>(column(db, "select id_ from act_hi_procinst"));
        try (Statement s = db.createStatement(); ResultSet rs = s.executeQuery(
                "select request_number, patron_card_number, title, process_instance_id from document_delivery_request")) {
            while (rs.next()) {
                stored.put(rs.getString(1), new String[] { rs.getString(2), rs.getString(3), rs.getString(4) });
            }
        }
        Map<String, Long> answered = acks.stream().collect(Collectors.groupingBy(PatronLoad.Ack::number,
                Collectors.counting()));
        int lost = 0;
        int reassigned = 0;
        int withoutInstance = 0;
        for (PatronLoad.Ack ack : acks) {
            String[] row = stored.get(ack.number());
            if (row == null) {
                lost++;
                problems.add("LOST " + ack.number() + " (acknowledged to " + ack.patron() + " "
                        + beforeKill(ack.atMillis(), killedAt) + ")");
            } else if (!row[0].equals(ack.patron()) || !row[1].equals(ack.title())) {
                reassigned++;
                problems.add("NUMBER REUSED " + ack.number() + ": acknowledged to " + ack.patron() + " for \""
                        + ack.title() + "\", now " + row[0] + " \"" + row[1] + "\"");
            } else if (row[2] == null || !instances.contains(row[2])) {
                withoutInstance++;
                problems.add("NO PROCESS " + ack.number());
            }
        }
        long twice = answered.values().stream().filter(c -> c > 1).count();
        if (twice > 0) {
            problems.add(twice + " request numbers were acknowledged twice");
        }
        figures.put("acknowledged", acks.size());
        figures.put("stored requests", stored.size());
        figures.put("acknowledged and lost", lost);
        figures.put("numbers handed out again", reassigned + twice);
        figures.put("acknowledged without process instance", withoutInstance);
    }

    private static String beforeKill(long at, long[] killedAt) {
        for (long kill : killedAt) {
            if (kill >= at) {
                return "answered " + (kill - at) + " ms before a kill";
            }
        }
        return "after the last kill";
    }

    private void instances(Connection db) throws SQLException {
        List<String> orphans = column(db, "select p.business_key_ from act_hi_procinst p "
                + "join act_re_procdef d on d.id_ = p.proc_def_id_ where d.key_ = 'DocumentDeliveryProcess' "
                + "and not exists (select 1 from document_delivery_request r where r.process_instance_id = p.id_)");
        orphans.forEach(key -> problems.add("INSTANCE WITHOUT REQUEST " + key));
        figures.put("process instances without request", orphans.size());
    }

    private void jobs(Connection db) throws SQLException {
        List<String> stuck = column(db, "select j.id_ from act_ru_job j where j.retries_ = 0 and not exists "
                + "(select 1 from act_ru_incident i where i.configuration_ = j.id_)");
        stuck.forEach(id -> problems.add("STUCK JOB " + id + " (no retries left, no incident)"));
        figures.put("stuck jobs without incident", stuck.size());
        figures.put("incidents", column(db, "select id_ from act_ru_incident").size());
        figures.put("jobs due and not yet run", column(db, "select id_ from act_ru_job where retries_ > 0 "
                + "and (duedate_ is null or duedate_ <= current_timestamp) and suspension_state_ = 1").size());
    }

    /**
     * Every job of a request's process that succeeded did so once (a job run twice would log two successes), and on
     * which nodes. The engine's own housekeeping job (history cleanup, between 01:00 and 05:00) is one job that
     * reschedules itself under the same id and logs a success each run: it belongs to no process instance and is
     * counted apart. A double names its activity, so the next reader knows which step it was.
     */
    void jobsRanOnce(Connection db) throws SQLException {
        List<String> twice = column(db, "select job_id_ || ' (' || coalesce(process_def_key_, '-') || ' / '"
                + " || coalesce(act_id_, '-') || ' / ' || coalesce(job_def_type_, '-') || ')' from act_hi_job_log"
                + " where job_state_ = 2 and process_instance_id_ is not null"
                + " group by job_id_, process_def_key_, act_id_, job_def_type_ having count(*) > 1");
        twice.forEach(id -> problems.add("JOB RAN TWICE " + id));
        figures.put("jobs that succeeded twice", twice.size());
        figures.put("housekeeping job runs (no process instance)", column(db, "select id_ from act_hi_job_log"
                + " where job_state_ = 2 and process_instance_id_ is null").size());
        Map<String, Object> byNode = new LinkedHashMap<>();
        try (Statement s = db.createStatement(); ResultSet rs = s.executeQuery("select hostname_, count(*) from "
                + "act_hi_job_log where job_state_ = 2 group by hostname_ order by hostname_")) {
            while (rs.next()) {
                byNode.put(rs.getString(1), rs.getLong(2));
            }
        }
        figures.put("jobs run, by node", byNode);
        if (byNode.isEmpty()) {
            // an empty job log proves nothing (history level below full): say so rather than pass
            problems.add("NO JOB LOG: the database keeps no job history, so \"once\" cannot be shown");
        }
    }

    private void notices(Connection db, Collection<MimeMessage> mails) throws SQLException {
        Map<String, Long> received = mails.stream().collect(Collectors.groupingBy(Ledger::messageId,
                Collectors.counting()));
        Map<String, String> outbox = new HashMap<>();
        int sent = 0;
        int unsent = 0;
        try (Statement s = db.createStatement(); ResultSet rs = s.executeQuery(
                "select subject_key, kind, status, message_id from notice")) {
            while (rs.next()) {
                String what = rs.getString(2) + " for " + rs.getString(1);
                String messageId = rs.getString(4);
                if (messageId != null) {
                    outbox.put(messageId, what);
                }
                if ("SENT".equals(rs.getString(3))) {
                    sent++;
                    if (messageId == null || !received.containsKey(messageId)) {
                        problems.add("NOTICE SENT BUT NOT RECEIVED " + what + " " + messageId);
                    }
                } else {
                    unsent++;
                }
            }
        }
        long foreign = received.keySet().stream().filter(id -> !outbox.containsKey(id)).count();
        if (foreign > 0) {
            problems.add(foreign + " mails arrived with a Message-ID the outbox does not know");
        }
        figures.put("notices sent", sent);
        figures.put("notices not (yet) sent", unsent);
        figures.put("mails received", mails.size());
        figures.put("mails repeated with the same Message-ID", received.values().stream()
                .mapToLong(c -> c - 1).sum());
        figures.put("mails with a Message-ID unknown to the outbox", foreign);
    }

    static List<String> column(Connection db, String sql) throws SQLException {
        List<String> values = new ArrayList<>();
        try (Statement s = db.createStatement(); ResultSet rs = s.executeQuery(sql)) {
            while (rs.next()) {
                values.add(rs.getString(1));
            }
        }
        return values;
    }

    private static String messageId(MimeMessage mail) {
        try {
            return String.valueOf(mail.getMessageID());
        } catch (MessagingException e) {
            return "unreadable";
        }
    }

    <T> void count(String figure, Collection<T> values, Function<T, String> problem) {
        values.forEach(v -> problems.add(problem.apply(v)));
        figures.put(figure, values.size());
    }

    void figure(String name, Object value) {
        figures.put(name, value);
    }

    void problem(String problem) {
        problems.add(problem);
    }

    List<String> problems() {
        return problems;
    }

    boolean passed() {
        return problems.isEmpty();
    }

    String report() {
        StringBuilder out = new StringBuilder();
        figures.forEach((k, v) -> out.append(String.format("  %-48s %s%n", k, v)));
        problems.stream().limit(40).forEach(p -> out.append("  ! ").append(p).append('\n'));
        if (problems.size() > 40) {
            out.append("  ! … and ").append(problems.size() - 40).append(" more\n");
        }
        return out.toString();
    }
}
