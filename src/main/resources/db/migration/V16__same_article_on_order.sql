-- The same article is never bought twice at once. A request about to be ordered first looks for an open request
-- of the same article (the archive's matching rule) that is already being ordered, and waits for it instead.
-- doi_match / title_match: fixed-length keys (SHA-256 of the DOI's match key, of title key + year) to find the
-- candidates; the full rule is applied to them in Java. Requests recorded before this migration have none and,
-- as their ordering_since is empty, are never waited for.
alter table document_delivery_request add column doi_match varchar(80);
alter table document_delivery_request add column title_match varchar(80);
-- when the request went on to ordering (it is the one others wait for while it is open)
alter table document_delivery_request add column ordering_since timestamp with time zone;
-- the request this one waits for (same article, being ordered)
alter table document_delivery_request add column waiting_for bigint;
create index ix_dd_doi_match on document_delivery_request (doi_match);
create index ix_dd_title_match on document_delivery_request (title_match);
create index ix_dd_waiting_for on document_delivery_request (waiting_for);

-- One row per article key, locked (select ... for update) by the check before ordering, so two requests for the
-- same article never run that check side by side; rows are only ever inserted, never updated.
create table article_lock (
    lock_key varchar(80) primary key
);
