package org.illflow.report;

import org.springframework.core.annotation.Order;
import org.springframework.stereotype.Component;

/**
 * Inter-library loan requests, from the loan package's {@code loan_request} table (Flyway V6). Active only when
 * that table exists, so the reports work before and after the loan feature lands. Filled = the book arrived
 * (satisfied, on loan, overdue, returned, completed); the library pays borrowing fee and shipping; overdue fees
 * are the patron's; turnaround runs from submission to arrival.
 */
@Component
@Order(2)
class LoanSource implements ReportSource {

    @Override
    public boolean active(TableCheck tables) {
        return tables.exists("loan_request");
    }

    @Override
    public String factsSql() {
        return """
                select 'ILL' as service, request_number, submitted_at, arrived_at as finished_at,
                       patron_type, college, patron_card_number as patron, lender_code as supplier,
                       cast(null as varchar(1000)) as journal, cast(null as varchar(9)) as issn,
                       case when status in ('SATISFIED', 'ON_LOAN', 'OVERDUE', 'RETURNED', 'COMPLETED')
                            then 1 else 0 end as filled,
                       case when status = 'UNFILLED' then 1 else 0 end as unfilled,
                       case when status = 'CANCELLED' then 1 else 0 end as cancelled,
                       0 as from_archive,
                       case when status = 'HELD_LOCALLY' then 1 else 0 end as held_locally,
                       case when borrowing_fee is null and shipping_cost is null then null
                            else coalesce(borrowing_fee, 0) + coalesce(shipping_cost, 0) end as cost,
                       overdue_fee, source_database,
                       (select count(*) from request_message m where m.service = 'ILL'
                          and m.request_id = loan_request.id) as messages
                from loan_request
                where submitted_at >= ? and submitted_at < ?""";
    }
}
