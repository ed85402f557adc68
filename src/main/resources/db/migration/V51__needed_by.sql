-- The date a patron needs the document or book by (optional): shown to staff, sorts their queues, flags a request
-- that cannot be met in time.
alter table document_delivery_request add column needed_by date;
alter table loan_request add column needed_by date;
