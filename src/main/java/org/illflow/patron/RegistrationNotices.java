package org.illflow.patron;

import static org.illflow.patron.PatronRegistrationProcess.*;

import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;

import org.camunda.bpm.engine.IdentityService;
import org.camunda.bpm.engine.identity.User;
import org.illflow.notification.Notice;
import org.illflow.notification.NotificationService;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.stereotype.Component;

/** The mails of the registration process, in the applicant's language. */
@Component
class RegistrationNotices {

    private static final Logger LOG = LoggerFactory.getLogger(RegistrationNotices.class);

    private static final Map<String, String> TEMPLATES = Map.of(
            NOTICE_WELCOME, "registration-approved",
            NOTICE_REJECTED, "registration-rejected",
            NOTICE_INELIGIBLE, "registration-ineligible");

    private final NotificationService notifications;
    private final PatronRegistration registration;
    private final PatronActivation activation;
    private final IdentityService identityService;
    private final RegistrationSettings settings;
    private final String baseUrl;

    RegistrationNotices(NotificationService notifications, PatronRegistration registration,
            PatronActivation activation, IdentityService identityService, RegistrationSettings settings,
            @Value("${illflow.base-url}") String baseUrl) {
        this.notifications = notifications;
        this.registration = registration;
        this.activation = activation;
        this.identityService = identityService;
        this.settings = settings;
        this.baseUrl = baseUrl;
    }

    static String subjectKey(long patronId) {
        return "patron:" + patronId;
    }

    void notifyApplicant(long patronId, String kind) {
        String template = TEMPLATES.get(kind);
        if (template == null) {
            throw new IllegalArgumentException("no applicant notice of kind " + kind);
        }
        notifications.sendOnce(subjectKey(patronId), kind, () -> {
            Patron patron = registration.find(patronId);
            Map<String, Object> model = new HashMap<>();
            model.put("patron", patron);
            model.put("portalUrl", baseUrl + "/");
            model.put("eligibleTypes", settings.getEligibleTypes());
            if (NOTICE_WELCOME.equals(kind) && activation.needsActivation(patron)) {
                model.put("activationCode", activation.issueCode(patronId));
                model.put("activateUrl", baseUrl + "/activate");
                model.put("codeValidDays", settings.getActivationCodeValidFor().toDays());
            }
            return Notice.to(patron.getEmail(), patron.getLanguage(), template, model);
        });
    }

    /** The review is still undecided after the reminder period: every reviewer with an e-mail address hears of it. */
    void remindReviewers(long patronId) {
        List<String> recipients = settings.getReviewerGroups().stream()
                .flatMap(group -> identityService.createUserQuery().memberOfGroup(group).list().stream())
                .map(User::getEmail).filter(Objects::nonNull).filter(e -> !e.isBlank()).distinct().toList();
        if (recipients.isEmpty()) {
            LOG.warn("registration of patron {} awaits review, but no reviewer has an e-mail address", patronId);
            return;
        }
        notifications.sendOnce(subjectKey(patronId), NOTICE_REVIEW_REMINDER, () -> {
            Patron patron = registration.find(patronId);
            Map<String, Object> model = Map.of("patron", patron,
                    "tasklistUrl", baseUrl + "/camunda/app/tasklist/default/",
                    "days", settings.getReminderAfterWorkingDays());
            return new Notice(recipients, "zh", "registration-review-reminder", model);
        });
    }
}
