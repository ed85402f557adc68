-- When a request's lifecycle ended (its process instance finished). From then on the record is final: whatever
-- its status says (held locally after staff confirmed the library's copy, say), nothing can be cancelled.
alter table document_delivery_request add column closed_at timestamp with time zone;
alter table loan_request add column closed_at timestamp with time zone;
