-- Messages between patron and staff are a report measure too: the aggregates carry their count. A message does not
-- change its request's row, so the messages service writes the report_change mark itself (same transaction). The
-- layout version in ReportAggregates changes with this column, so existing aggregates are rebuilt once.
alter table report_cell add column messages bigint default 0 not null;
alter table report_journal add column messages bigint default 0 not null;
