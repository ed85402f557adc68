-- The request desk lists requests newest first and takes one page. With indexes in exactly that order
-- (submitted_at, then request_number, both descending; H2 only uses an index for ORDER BY when its directions
-- match) each request table hands over its newest rows without sorting the table:
-- * (submitted_at, request_number) for the unfiltered list and date ranges; it replaces V45's submitted_at index;
-- * (status, submitted_at, request_number) for a status with or without a date range; it replaces V5/V6's
--   status-only index, whose leading column still serves every lookup by status. Without it H2 walked every
--   request of a common status (DELIVERED) to find one month's.
drop index ix_dd_submitted_at;
drop index ix_loan_submitted_at;
drop index ix_dd_status;
drop index ix_loan_status;
create index ix_dd_recent on document_delivery_request (submitted_at desc, request_number desc);
create index ix_loan_recent on loan_request (submitted_at desc, request_number desc);
create index ix_dd_status_recent on document_delivery_request (status, submitted_at desc, request_number desc);
create index ix_loan_status_recent on loan_request (status, submitted_at desc, request_number desc);
