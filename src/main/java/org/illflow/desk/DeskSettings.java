package org.illflow.desk;

import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.stereotype.Component;

/**
 * illflow.desk.*: the library's own targets for staff work that no supplier term or loan rule fixes. Counted in
 * working days (Saturdays and Sundays do not count).
 */
@Component
@ConfigurationProperties("illflow.desk")
public class DeskSettings {

    /** An order (or a loan request to a lender, or a check of the library's own copy) is placed within this. */
    private int orderWithinDays = 1;
    /** Other desk work (withdrawing a request, asking for a renewal, sending a book back) is done within this. */
    private int deskTaskWithinDays = 2;
    /** Staff are asked to chase a supplier or lender this many working days before its turnaround ends. */
    private int chaseBeforeDays = 1;
    /** The request desk's view "without activity" lists requests whose last event is older than this. */
    private int quietAfterDays = 5;

    public int getOrderWithinDays() {
        return orderWithinDays;
    }

    public void setOrderWithinDays(int orderWithinDays) {
        this.orderWithinDays = positive("order-within-days", orderWithinDays);
    }

    public int getDeskTaskWithinDays() {
        return deskTaskWithinDays;
    }

    public void setDeskTaskWithinDays(int deskTaskWithinDays) {
        this.deskTaskWithinDays = positive("desk-task-within-days", deskTaskWithinDays);
    }

    public int getChaseBeforeDays() {
        return chaseBeforeDays;
    }

    public void setChaseBeforeDays(int chaseBeforeDays) {
        if (chaseBeforeDays < 0) {
            throw new IllegalArgumentException("illflow.desk.chase-before-days must be zero or more");
        }
        this.chaseBeforeDays = chaseBeforeDays;
    }

    public int getQuietAfterDays() {
        return quietAfterDays;
    }

    public void setQuietAfterDays(int quietAfterDays) {
        this.quietAfterDays = positive("quiet-after-days", quietAfterDays);
    }

    private static int positive(String name, int value) {
        if (value < 1) {
            throw new IllegalArgumentException("illflow.desk." + name + " must be at least 1 (working days)");
        }
        return value;
    }
}
