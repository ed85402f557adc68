-- Wrong activation codes are counted; after a few the patron's codes stop working (a new one comes with a new mail).
alter table activation_code add column failed_attempts integer not null default 0;
