package org.illflow.loan;

import static org.illflow.loan.InterlibraryLoanProcess.*;

import java.time.Clock;
import java.util.HashMap;
import java.util.Locale;
import java.util.Map;

import org.illflow.notification.Notice;
import org.illflow.notification.NotificationService;
import org.illflow.patron.Patron;
import org.illflow.patron.PatronDirectory;
import org.illflow.supplier.Supplier;
import org.illflow.supplier.SupplierCatalog;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.stereotype.Component;

/**
 * The mails of an inter-library loan, in the patron's language. Most go once per request; those that can come
 * again carry what makes them new in their outbox key (the due date, the number of the overdue notice or of
 * the renewal), so a retried job still never mails twice.
 */
@Component
class LoanNotices {

    private static final Map<String, String> TEMPLATES = Map.ofEntries(
            Map.entry(NOTICE_REJECTED, "ill-rejected"),
            Map.entry(NOTICE_RECEIVED, "request-received"),
            Map.entry(NOTICE_HELD_LOCALLY, "ill-held-locally"),
            Map.entry(NOTICE_UNFILLED, "ill-unfilled"),
            Map.entry(NOTICE_READY_FOR_PICKUP, "ill-ready-for-pickup"),
            Map.entry(NOTICE_NOT_COLLECTED, "ill-not-collected"),
            Map.entry(NOTICE_DUE_REMINDER, "ill-due-reminder"),
            Map.entry(NOTICE_OVERDUE, "ill-overdue"),
            Map.entry(NOTICE_RENEWED, "ill-renewed"),
            Map.entry(NOTICE_RENEWAL_REFUSED, "ill-renewal-refused"),
            Map.entry(NOTICE_RECALLED, "ill-recalled"),
            Map.entry(NOTICE_RETURNED, "ill-returned"));

    private final NotificationService notifications;
    private final InterlibraryLoan loan;
    private final PatronDirectory patrons;
    private final SupplierCatalog suppliers;
    private final DueDateCalculator dates;
    private final LoanSettings settings;
    private final Clock clock;
    private final String baseUrl;

    LoanNotices(NotificationService notifications, InterlibraryLoan loan, PatronDirectory patrons,
            SupplierCatalog suppliers, DueDateCalculator dates, LoanSettings settings, Clock clock,
            @Value("${illflow.base-url}") String baseUrl) {
        this.notifications = notifications;
        this.loan = loan;
        this.patrons = patrons;
        this.suppliers = suppliers;
        this.dates = dates;
        this.settings = settings;
        this.clock = clock;
        this.baseUrl = baseUrl;
    }

    void notifyPatron(long requestId, String kind) {
        String template = TEMPLATES.get(kind);
        if (template == null) {
            throw new IllegalArgumentException("no inter-library loan notice of kind " + kind);
        }
        LoanRequest request = loan.request(requestId);
        String key = outboxKey(kind, request);
        boolean sent = notifications.sendOnce(request.getRequestNumber(), key, () -> {
            Patron patron = patrons.byCardNumber(request.getPatronCardNumber()).orElseThrow();
            return Notice.to(patron.getEmail(), patron.getLanguage(), template, model(request, patron));
        });
        if (sent) {
            loan.recordNotified(requestId, key);
        }
    }

    /** The outbox key: the kind, and for notices that recur, what makes this one new. */
    static String outboxKey(String kind, LoanRequest request) {
        return switch (kind) {
            case NOTICE_DUE_REMINDER, NOTICE_RECALLED -> kind + ":" + request.getDueDate();
            case NOTICE_OVERDUE -> kind + ":" + request.getDueDate() + ":" + request.getOverdueNotices();
            case NOTICE_RENEWED -> kind + ":" + request.getRenewalsUsed();
            case NOTICE_RENEWAL_REFUSED -> kind + ":" + request.getRenewalsRequested();
            default -> kind;
        };
    }

    private Map<String, Object> model(LoanRequest request, Patron patron) {
        Map<String, Object> model = new HashMap<>();
        model.put("patron", patron);
        model.put("request", request);
        model.put("requestUrl", baseUrl + "/requests/" + request.getRequestNumber());
        Locale language = "en".equals(patron.getLanguage()) ? Locale.ENGLISH : Locale.SIMPLIFIED_CHINESE;
        suppliers.byCode(request.getLenderCode()).map(s -> s.name(language))
                .ifPresent(name -> model.put("lenderName", name));
        if (request.getArrivedAt() != null) {
            model.put("lastPickupDay", dates.lastPickupDay(request.getArrivedAt()));
        }
        if (request.getDueDate() != null) {
            model.put("dueDate", request.getDueDate());
            int overdue = dates.overdueDays(request.getDueDate(), clock.instant());
            model.put("overdueDays", overdue);
            model.put("feeSoFar", dates.overdueFee(overdue));
        }
        model.put("feePerDay", settings.getOverdueFeePerDay());
        suppliers.byCode(request.getLenderCode()).map(Supplier::getRenewalsAllowed)
                .ifPresent(allowed -> model.put("renewalsLeft", Math.max(0, allowed - request.getRenewalsUsed())));
        return model;
    }
}
