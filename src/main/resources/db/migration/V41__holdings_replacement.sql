-- KBART lists named Provider_Package_YYYY-MM-DD.txt: the provider+package (the name without its date) and the
-- list's date, so next month's list replaces this one and a dropped title is no longer held.
alter table ejournal_holding add column package_key varchar(200);
alter table ejournal_holding add column list_date date;
create index ix_ejournal_package on ejournal_holding (package_key);

-- The same catalogue record imported twice (.mrc and .xml, say) is one holding: a digest of record id, title,
-- call number and location identifies it across files.
alter table print_holding add column holding_key varchar(64);
create index ix_print_holding_key on print_holding (holding_key);
