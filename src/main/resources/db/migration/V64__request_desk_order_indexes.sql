-- The request desk lists requests newest first and takes one page. With an index in exactly that order
-- (submitted_at, then request_number, both descending) each request table hands over its newest rows without
-- sorting the table; H2 only uses an index for ORDER BY when its directions match. The same indexes serve the
-- desk's and the reports' date ranges, so they replace the single-column ones of V45.
drop index ix_dd_submitted_at;
drop index ix_loan_submitted_at;
create index ix_dd_recent on document_delivery_request (submitted_at desc, request_number desc);
create index ix_loan_recent on loan_request (submitted_at desc, request_number desc);
