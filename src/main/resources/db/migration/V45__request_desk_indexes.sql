-- The request desk searches every request by these columns; each is compared as stored (equality or range), so
-- plain indexes serve both H2 and PostgreSQL. Titles are matched as substrings and scanned.
create index ix_dd_submitted_at on document_delivery_request (submitted_at);
create index ix_dd_supplier on document_delivery_request (supplier_code);
create index ix_dd_college on document_delivery_request (college);
create index ix_dd_issn on document_delivery_request (issn);
create index ix_dd_doi on document_delivery_request (doi);
create index ix_dd_process on document_delivery_request (process_instance_id);
create index ix_loan_submitted_at on loan_request (submitted_at);
create index ix_loan_college on loan_request (college);
create index ix_loan_isbn on loan_request (isbn);
create index ix_loan_process on loan_request (process_instance_id);
create index ix_loan_due_date on loan_request (status, due_date);
