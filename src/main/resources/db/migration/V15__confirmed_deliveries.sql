-- A PDF staff attach on the Receive task is kept, unconfirmed, until they complete "Copy received": only a
-- confirmed copy is in the archive's duplicate index (a later request for the same article is answered with it).
-- An upload replaced by another, or left behind when the supplier could not deliver, the turnaround passed or
-- the patron cancelled, is discarded. Everything archived before this migration was delivered, so confirmed.
alter table archived_document add column confirmed boolean default true not null;

-- The upload waiting for "Copy received" on a document delivery request (an archived_document, unconfirmed).
alter table document_delivery_request add column pending_document_id bigint;
