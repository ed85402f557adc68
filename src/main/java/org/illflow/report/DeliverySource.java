package org.illflow.report;

import org.springframework.core.annotation.Order;
import org.springframework.stereotype.Component;

/** Document delivery requests (delivery package's table; read only). Filled = delivered or from the archive. */
@Component
@Order(1)
class DeliverySource implements ReportSource {

    @Override
    public String factsSql() {
        return """
                select 'DD' as service, request_number, submitted_at, delivered_at as finished_at,
                       patron_type, college, patron_card_number as patron, supplier_code as supplier,
                       journal, issn,
                       case when status in ('DELIVERED', 'FROM_ARCHIVE') then 1 else 0 end as filled,
                       case when status = 'UNFILLED' then 1 else 0 end as unfilled,
                       case when status = 'CANCELLED' then 1 else 0 end as cancelled,
                       case when status = 'FROM_ARCHIVE' then 1 else 0 end as from_archive,
                       case when status = 'HELD_LOCALLY' then 1 else 0 end as held_locally,
                       cost, cast(null as numeric(10,2)) as overdue_fee, source_database,
                       (select count(*) from request_message m where m.service = 'DD'
                          and m.request_id = document_delivery_request.id) as messages
                from document_delivery_request
                where submitted_at >= ? and submitted_at < ?""";
    }
}
