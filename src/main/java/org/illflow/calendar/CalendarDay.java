package org.illflow.calendar;

import java.time.Instant;
import java.time.LocalDate;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.EnumType;
import jakarta.persistence.Enumerated;
import jakarta.persistence.Id;
import jakarta.persistence.Table;

/** A day that differs from the usual week: a holiday on a weekday, or a weekend day worked (调休). */
@Entity
@Table(name = "working_calendar_day")
public class CalendarDay {

    /** HOLIDAY closes the day, WORKDAY opens it (调休). */
    public enum Kind {
        HOLIDAY,
        WORKDAY
    }

    @Id
    @Column(name = "calendar_date")
    private LocalDate day;

    @Enumerated(EnumType.STRING)
    @Column(nullable = false, length = 10)
    private Kind kind;

    @Column(length = 100)
    private String name;

    @Column(name = "updated_at", nullable = false)
    private Instant updatedAt;

    protected CalendarDay() {
    }

    CalendarDay(LocalDate day, Kind kind, String name, Instant updatedAt) {
        this.day = day;
        this.kind = kind;
        this.name = name;
        this.updatedAt = updatedAt;
    }

    void change(Kind kind, String name, Instant at) {
        this.kind = kind;
        this.name = name;
        this.updatedAt = at;
    }

    public LocalDate getDay() {
        return day;
    }

    public Kind getKind() {
        return kind;
    }

    public String getName() {
        return name;
    }
}
