package org.illflow.desk;

import static org.assertj.core.api.Assertions.assertThat;

import java.sql.Timestamp;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Map;

import org.springframework.jdbc.core.JdbcTemplate;

/**
 * The desk sorts and cuts each request table to the page's window on its own before joining them. Walking every
 * page must give exactly the newest-first order of both tables together (ties broken by number, newest number
 * first), the total must be both tables' count, a page past the end is empty, and the CSV holds the same rows in
 * the same order. Run on H2 ({@code RequestDeskTest}) and PostgreSQL ({@code PostgresRequestDeskTest}).
 */
public final class DeskPagingCheck {

    private record Seeded(String number, Instant submittedAt) {
    }

    private final RequestDesk desk;
    private final JdbcTemplate jdbc;

    public DeskPagingCheck(RequestDesk desk, JdbcTemplate jdbc) {
        this.desk = desk;
        this.jdbc = jdbc;
    }

    /** {@code card} and {@code name} belong to an existing patron, whose 41 of the 42 seeded requests are. */
    public void run(String card, String name) {
        String college = "分页测试学院" + System.nanoTime() % 1_000_000;
        Instant t0 = Instant.parse("2025-03-01T02:00:00Z");
        List<Seeded> seeded = new ArrayList<>();
        try {
            for (int i = 0; i < 42; i++) {
                boolean dd = i % 3 != 0; // 28 DD, 14 ILL, interleaved in time
                String number = String.format("%s-2025-%06d", dd ? "DD" : "ILL", 900_000 + i);
                // every third request shares its minute with the one before, so the number decides between them
                Instant at = t0.plusSeconds(60L * (i - (i % 3 == 2 ? 1 : 0)));
                String patron = i == 7 ? "Z-NO-PATRON" : card;
                Timestamp when = Timestamp.from(at);
                if (dd) {
                    jdbc.update("insert into document_delivery_request (request_number, patron_card_number,"
                            + " patron_type, college, genre, title, status, submitted_at, submitted_by, updated_at)"
                            + " values (?, ?, 'UNDERGRADUATE', ?, 'ARTICLE', ?, 'DELIVERED', ?, ?, ?)",
                            number, patron, college, "Paging study " + i, when, patron, when);
                } else {
                    jdbc.update("insert into loan_request (request_number, patron_card_number, patron_type, college,"
                            + " title, status, submitted_at, submitted_by, updated_at)"
                            + " values (?, ?, 'UNDERGRADUATE', ?, ?, 'RETURNED', ?, ?, ?)",
                            number, patron, college, "Paging study " + i, when, patron, when);
                }
                seeded.add(new Seeded(number, at));
            }
            List<String> expected = seeded.stream()
                    .sorted(Comparator.comparing(Seeded::submittedAt).thenComparing(Seeded::number).reversed())
                    .map(Seeded::number).toList();

            DeskQuery byCollege = RequestDeskController.query(Map.of("college", college));
            RequestDesk.DeskPage first = desk.search(byCollege);
            assertThat(first.total()).isEqualTo(42);
            assertThat(first.pages()).isEqualTo(2);
            assertThat(first.rows()).hasSize(RequestDesk.PAGE_SIZE);
            List<String> walked = new ArrayList<>(numbers(first.rows()));
            walked.addAll(numbers(desk.search(byCollege.withPage(1)).rows()));
            assertThat(walked).containsExactlyElementsOf(expected);
            RequestDesk.DeskPage past = desk.search(byCollege.withPage(5));
            assertThat(past.rows()).isEmpty();
            assertThat(past.total()).isEqualTo(42);
            assertThat(numbers(desk.export(byCollege))).containsExactlyElementsOf(expected);

            // a title search sorts its matches itself (not by the index): the same order
            DeskQuery byTitle = RequestDeskController.query(Map.of("college", college, "title", "PAGING STUDY"));
            List<String> walkedByTitle = new ArrayList<>(numbers(desk.search(byTitle).rows()));
            walkedByTitle.addAll(numbers(desk.search(byTitle.withPage(1)).rows()));
            assertThat(walkedByTitle).containsExactlyElementsOf(expected);

            RequestDesk.DeskPage loans = desk.search(RequestDeskController.query(Map.of("college", college,
                    "service", "ILL")));
            assertThat(loans.total()).isEqualTo(14);
            assertThat(numbers(loans.rows()))
                    .containsExactlyElementsOf(expected.stream().filter(n -> n.startsWith("ILL")).toList());
            // a card typed in full finds its requests even when no patron record has that card
            assertThat(numbers(desk.search(RequestDeskController.query(Map.of("college", college,
                    "patron", "Z-NO-PATRON"))).rows())).containsExactly("DD-2025-900007");
            RequestDesk.DeskPage byName = desk.search(RequestDeskController.query(Map.of("college", college,
                    "patron", name)));
            assertThat(byName.total()).isEqualTo(41);
            assertThat(byName.rows()).allSatisfy(row -> assertThat(row.patronName()).isEqualTo(name));
        } finally {
            jdbc.update("delete from document_delivery_request where college = ?", college);
            jdbc.update("delete from loan_request where college = ?", college);
        }
    }

    private static List<String> numbers(List<DeskRow> rows) {
        return rows.stream().map(DeskRow::requestNumber).toList();
    }
}
