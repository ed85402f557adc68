-- The library's working-day calendar: the days that differ from "Monday to Friday open, weekend closed".
-- HOLIDAY closes a weekday (public holidays, 春节 …); WORKDAY opens a weekend day (调休). Admins keep it per year.
create table working_calendar_day (
    calendar_date date        not null primary key,
    kind        varchar(10)  not null,
    name        varchar(100),
    updated_at  timestamp with time zone not null,
    constraint ck_working_calendar_kind check (kind in ('HOLIDAY', 'WORKDAY'))
);
