package org.illflow.bench;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;

import org.springframework.jdbc.core.JdbcTemplate;

/**
 * What the benchmark puts into the running application's database before it measures, generated inside the
 * database (generate_series on PostgreSQL, system_range on H2): patrons who log in with the demo patron's password,
 * each with a history of delivered requests (and their timelines), and the archive's imported citations.
 */
final class BenchSeed {

    static final String PASSWORD = "reader2026";

    private final JdbcTemplate jdbc;
    private final boolean postgres;

    BenchSeed(JdbcTemplate jdbc, boolean postgres) {
        this.jdbc = jdbc;
        this.postgres = postgres;
    }

    private String series(long count) {
        return postgres ? "generate_series(1::bigint, " + count + ") as s(g)" : "(select x as g from system_range(1, " + count + ")) s";
    }

    private String secondsAfter(String seconds, String start) {
        return postgres ? "timestamptz '" + start + "+08' + make_interval(secs => " + seconds + ")"
                : "dateadd(second, " + seconds + ", timestamp with time zone '" + start + "+08:00')";
    }

    /** Patrons B00001 … with the demo patron's password (its hash and salt copied), active, in the patrons group. */
    List<IllflowDriver.Account> patrons(int count) {
        Map<String, Object> demo = jdbc.queryForMap("select PWD_, SALT_ from ACT_ID_USER where ID_ = '2024110001'");
        List<IllflowDriver.Account> accounts = new ArrayList<>();
        for (int i = 1; i <= count; i++) {
            String card = String.format("B%05d", i);
            jdbc.update("insert into ACT_ID_USER (ID_, REV_, FIRST_, LAST_, EMAIL_, PWD_, SALT_) values (?, 1, ?, '', ?, ?, ?)",
                    card, "Bench reader " + i, card + "@bench.example.edu", demo.get("PWD_"), demo.get("SALT_"));
            jdbc.update("insert into ACT_ID_MEMBERSHIP (USER_ID_, GROUP_ID_) values (?, 'patrons')", card);
            jdbc.update("insert into patron (card_number, name, email, phone, patron_type, college, language, status,"
                    + " registered_at, registered_by, decided_at, decided_by) values (?, ?, ?, '13900000000', 'PHD_STUDENT',"
                    + " '化学化工学院', 'zh', 'ACTIVE', current_timestamp, 'bench', current_timestamp, 'bench')",
                    card, "Bench reader " + i, card + "@bench.example.edu");
            accounts.add(new IllflowDriver.Account(card, PASSWORD));
        }
        return accounts;
    }

    /**
     * {@code perPatron} delivered requests of 2020 for each of the first {@code patrons} seeded patrons
     * (numbers DD-2020-000001 …, which the live counter of the current year never reaches), three timeline events each.
     */
    void requestHistory(int patrons, int perPatron) {
        long count = (long) patrons * perPatron;
        String submitted = secondsAfter("g * 600", "2020-01-01 00:00:00");
        String patron = "'B' || lpad(cast(mod(g, " + patrons + ") + 1 as varchar), 5, '0')";
        jdbc.update("insert into document_delivery_request (request_number, patron_card_number, patron_type, college,"
                + " genre, title, authors, journal, issn, pages, pub_year, status, supplier_code, cost, submitted_at,"
                + " submitted_by, updated_at, delivered_at) select 'DD-2020-' || lpad(cast(g as varchar), 6, '0'), "
                + patron + ", 'PHD_STUDENT', '化学化工学院', 'ARTICLE', 'Earlier article ' || g || ' on surface chemistry',"
                + " 'Author, A.', 'Journal ' || mod(g, 300), null, '1-10', 2015 + mod(g, 5), 'DELIVERED', 'NSTL', 3.00, "
                + submitted + ", " + patron + ", " + submitted + ", " + submitted + " from " + series(count));
        for (String event : new String[] {"SUBMITTED", "ORDERED", "DELIVERED"}) {
            jdbc.update("insert into dd_timeline_event (request_id, occurred_at, actor, event, supplier_code)"
                    + " select id, submitted_at, 'illflow', ?, 'NSTL' from document_delivery_request"
                    + " where request_number like 'DD-2020-%'", event);
        }
    }

    /** Imported citations in the archive's duplicate index (no files), as a legacy import leaves them. */
    void archivedCitations(long count) {
        jdbc.update("insert into archived_citation (doi_key, title, title_key, pub_year, issn, journal_key, supplier_code,"
                + " request_number, delivered_at, source) select '10.9999/bench.' || g, 'Archived article ' || g,"
                + " 'archived article ' || g, 2000 + mod(g, 25), null, 'journal ' || mod(g, 3000), 'NSTL', 'OLD-' || g, "
                + secondsAfter("mod(g * 7919, 315532800)", "2010-01-01 00:00:00") + ", 'bench' from " + series(count));
        if (postgres) {
            jdbc.execute("vacuum analyze");
        } else {
            jdbc.execute("analyze");
        }
    }
}
