package org.illflow.report;

import org.springframework.core.annotation.Order;
import org.springframework.stereotype.Component;

/** History imported from the previous system ({@code legacy_request}, this package's table). */
@Component
@Order(3)
class LegacySource implements ReportSource {

    @Override
    public String factsSql() {
        return """
                select service, request_number, submitted_at, finished_at,
                       patron_type, college, patron, supplier, journal, issn,
                       case when status in ('FILLED', 'FROM_ARCHIVE') then 1 else 0 end as filled,
                       case when status = 'UNFILLED' then 1 else 0 end as unfilled,
                       case when status = 'CANCELLED' then 1 else 0 end as cancelled,
                       case when status = 'FROM_ARCHIVE' then 1 else 0 end as from_archive,
                       case when status = 'HELD_LOCALLY' then 1 else 0 end as held_locally,
                       cost, overdue_fee, cast(null as varchar(100)) as source_database,
                       0 as messages
                from legacy_request
                where submitted_at >= ? and submitted_at < ?""";
    }
}
