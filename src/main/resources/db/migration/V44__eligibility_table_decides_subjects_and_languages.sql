-- Which subjects and languages a supplier may serve is decided by the eligibility table
-- (processes/supplier-eligibility.dmn) alone. The supplier rows' subject_scope and languages were editable but
-- decided nothing, so two sources could disagree; they are dropped, and the supplier pages show the table's rules.
alter table supplier drop constraint ck_supplier_scope;
alter table supplier drop column subject_scope;
alter table supplier drop column languages;
