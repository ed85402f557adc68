package org.illflow.patron;

/** Ids and variable names of processes/patron-registration.bpmn, so Java and the model cannot drift. */
public final class PatronRegistrationProcess {

    public static final String KEY = "PatronRegistrationProcess";

    public static final String START = "StartEvent_RegistrationSubmitted";
    public static final String TASK_RECORD_APPLICATION = "Task_RecordApplication";
    public static final String TASK_CHECK_ELIGIBILITY = "Task_CheckEligibility";
    public static final String TASK_REVIEW = "Task_ReviewRegistration";
    public static final String TIMER_REVIEW_REMINDER = "Event_ReviewReminderDue";
    public static final String TASK_REMIND_REVIEWERS = "Task_RemindReviewers";
    public static final String TASK_ACTIVATE = "Task_ActivatePatron";
    public static final String TASK_SEND_WELCOME = "Task_SendWelcome";
    public static final String TASK_RECORD_REJECTION = "Task_RecordRejection";
    public static final String TASK_NOTIFY_REJECTED = "Task_NotifyRejected";
    public static final String TASK_RECORD_INELIGIBLE = "Task_RecordIneligible";
    public static final String TASK_NOTIFY_INELIGIBLE = "Task_NotifyIneligible";
    public static final String END_APPROVED = "EndEvent_PatronActivated";
    public static final String END_REJECTED = "EndEvent_RegistrationRejected";
    public static final String END_INELIGIBLE = "EndEvent_NotEligible";
    public static final String END_REMINDER_SENT = "EndEvent_ReminderSent";

    // variables
    public static final String VAR_PATRON_ID = "patronId";
    public static final String VAR_CARD_NUMBER = "cardNumber";
    public static final String VAR_NAME = "applicantName";
    public static final String VAR_EMAIL = "email";
    public static final String VAR_PHONE = "phone";
    public static final String VAR_PATRON_TYPE = "patronType";
    /** The patron type as staff read it (学生 …, not STUDENT), set on the Review task by the desk's card listener. */
    public static final String VAR_PATRON_TYPE_LABEL = "patronTypeLabel";
    public static final String VAR_COLLEGE = "college";
    public static final String VAR_LANGUAGE = "language";
    public static final String VAR_ELIGIBLE = "eligible";
    public static final String VAR_DECISION = "decision";
    public static final String VAR_REJECTION_REASON = "rejectionReason";

    public static final String DECISION_APPROVE = "approve";
    public static final String DECISION_REJECT = "reject";

    // notices
    public static final String NOTICE_WELCOME = "REGISTRATION_APPROVED";
    public static final String NOTICE_REJECTED = "REGISTRATION_REJECTED";
    public static final String NOTICE_INELIGIBLE = "REGISTRATION_INELIGIBLE";
    public static final String NOTICE_REVIEW_REMINDER = "REGISTRATION_REVIEW_REMINDER";

    private PatronRegistrationProcess() {
    }
}
