package org.illflow.loan;

import java.math.BigDecimal;
import java.time.Period;

import org.illflow.system.SettingChecks;
import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.stereotype.Component;

/**
 * illflow.loan.*: the library's own rules for lending borrowed books on. The lenders' terms (loan period,
 * renewals, fees) are supplier rows; these are what the library adds. Also read by the loan model (overdue
 * notice cycle) as the bean {@code loanSettings}.
 */
@Component("loanSettings")
@ConfigurationProperties("illflow.loan")
public class LoanSettings {

    /** How long a book waits at the circulation desk for its patron, counted in whole days after it arrives. */
    private Period pickupWindow = Period.ofDays(7);
    /** How many days before the due date the patron is reminded. */
    private Period reminderLead = Period.ofDays(3);
    /** Taken off the lender's loan period so the book is back with the lender in time. */
    private Period returnShippingBuffer = Period.ofDays(3);
    /** Overdue fee per day, CNY, paid by the patron. */
    private BigDecimal overdueFeePerDay = new BigDecimal("0.50");
    /** Overdue notices go out when the due date ends and then at this interval until the book is back. */
    private Period overdueNoticeInterval = Period.ofDays(7);
    /**
     * Whether the circulation desk lends and takes back books on Saturdays and Sundays (most Chinese university
     * libraries do). Public holidays in the working-day calendar are closed either way; with false, weekends are
     * closed too, except the weekend days worked instead (调休).
     */
    private boolean deskOpenOnWeekends = true;
    /**
     * How long the loan waits for an ISO 18626 partner's answer to a Renew before staff take the renewal over (ask
     * the partner another way and record its answer). Short: the patron's due date is running.
     */
    private Period partnerRenewAnswerWait = Period.ofDays(3);
    /**
     * How long the loan waits for the partner's LoanCompleted after the book was shipped back before staff check
     * with the partner that it arrived (post within China takes days; the partner checks the book in on arrival).
     */
    private Period partnerReturnConfirmationWait = Period.ofDays(14);

    /** ISO 8601, as the BPMN timer after a Renew to a partner wants it. */
    public String getPartnerRenewAnswerWaitIso() {
        return partnerRenewAnswerWait.toString();
    }

    /** ISO 8601, as the BPMN timer after ShippedReturn to a partner wants it. */
    public String getPartnerReturnConfirmationWaitIso() {
        return partnerReturnConfirmationWait.toString();
    }

    public Period getPartnerRenewAnswerWait() {
        return partnerRenewAnswerWait;
    }

    public void setPartnerRenewAnswerWait(Period partnerRenewAnswerWait) {
        this.partnerRenewAnswerWait = SettingChecks.positive("illflow.loan.partner-renew-answer-wait",
                partnerRenewAnswerWait, "P3D");
    }

    public Period getPartnerReturnConfirmationWait() {
        return partnerReturnConfirmationWait;
    }

    public void setPartnerReturnConfirmationWait(Period partnerReturnConfirmationWait) {
        this.partnerReturnConfirmationWait = SettingChecks.positive("illflow.loan.partner-return-confirmation-wait",
                partnerReturnConfirmationWait, "P3D");
    }

    public boolean isDeskOpenOnWeekends() {
        return deskOpenOnWeekends;
    }

    public void setDeskOpenOnWeekends(boolean deskOpenOnWeekends) {
        this.deskOpenOnWeekends = deskOpenOnWeekends;
    }

    /** ISO 8601, as a BPMN timer cycle wants it. */
    public String getOverdueNoticeIntervalIso() {
        return overdueNoticeInterval.toString();
    }

    public Period getPickupWindow() {
        return pickupWindow;
    }

    public void setPickupWindow(Period pickupWindow) {
        this.pickupWindow = pickupWindow;
    }

    public Period getReminderLead() {
        return reminderLead;
    }

    public void setReminderLead(Period reminderLead) {
        this.reminderLead = reminderLead;
    }

    public Period getReturnShippingBuffer() {
        return returnShippingBuffer;
    }

    public void setReturnShippingBuffer(Period returnShippingBuffer) {
        this.returnShippingBuffer = returnShippingBuffer;
    }

    public BigDecimal getOverdueFeePerDay() {
        return overdueFeePerDay;
    }

    public void setOverdueFeePerDay(BigDecimal overdueFeePerDay) {
        if (overdueFeePerDay == null || overdueFeePerDay.signum() < 0) {
            throw new IllegalArgumentException("illflow.loan.overdue-fee-per-day must be zero or more");
        }
        this.overdueFeePerDay = overdueFeePerDay;
    }

    public Period getOverdueNoticeInterval() {
        return overdueNoticeInterval;
    }

    public void setOverdueNoticeInterval(Period overdueNoticeInterval) {
        this.overdueNoticeInterval = SettingChecks.positive("illflow.loan.overdue-notice-interval",
                overdueNoticeInterval, "P7D");
    }
}
