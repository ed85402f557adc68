-- The database a request came from by OpenURL (rfr_id / 0.1 sid, without "info:sid/"), a report dimension
-- (数据库来源). Null for requests typed in (imported history has none).
alter table document_delivery_request add column source_database varchar(100);
alter table loan_request add column source_database varchar(100);
