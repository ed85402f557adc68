package org.illflow.delivery;

import static org.illflow.delivery.DocumentDeliveryProcess.*;

import java.util.HashMap;
import java.util.Map;

import org.illflow.archive.ArchiveSettings;
import org.illflow.archive.DownloadLinks;
import org.illflow.notification.Notice;
import org.illflow.notification.NotificationService;
import org.illflow.patron.Patron;
import org.illflow.patron.PatronDirectory;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.stereotype.Component;

/** The mails of a document delivery request, in the patron's language, once each. */
@Component
class DeliveryNotices {

    private static final Map<String, String> TEMPLATES = Map.of(
            NOTICE_DELIVERED, "dd-delivered",
            NOTICE_HELD_LOCALLY, "dd-held-locally",
            NOTICE_UNFILLED, "dd-unfilled",
            NOTICE_REJECTED, "dd-rejected",
            NOTICE_RECEIVED, "request-received");

    private final NotificationService notifications;
    private final DocumentDelivery delivery;
    private final PatronDirectory patrons;
    private final DownloadLinks links;
    private final ArchiveSettings archiveSettings;
    private final String baseUrl;

    DeliveryNotices(NotificationService notifications, DocumentDelivery delivery, PatronDirectory patrons,
            DownloadLinks links, ArchiveSettings archiveSettings, @Value("${illflow.base-url}") String baseUrl) {
        this.archiveSettings = archiveSettings;
        this.notifications = notifications;
        this.delivery = delivery;
        this.patrons = patrons;
        this.links = links;
        this.baseUrl = baseUrl;
    }

    void notifyRequester(long requestId, String kind) {
        String template = TEMPLATES.get(kind);
        if (template == null) {
            throw new IllegalArgumentException("no document delivery notice of kind " + kind);
        }
        DocumentDeliveryRequest request = delivery.request(requestId);
        boolean sent = notifications.sendOnce(request.getRequestNumber(), kind, () -> {
            Patron patron = patrons.byCardNumber(request.getPatronCardNumber()).orElseThrow();
            Map<String, Object> model = new HashMap<>();
            model.put("patron", patron);
            model.put("request", request);
            model.put("requestUrl", baseUrl + "/requests/" + request.getRequestNumber());
            if (NOTICE_DELIVERED.equals(kind)) {
                String token = links.issue(request.getDocumentId(), request.getRequestNumber(),
                        request.getPatronCardNumber());
                model.put("downloadUrl", baseUrl + "/downloads/" + token);
                model.put("validDays", archiveSettings.getLinkValidFor().toDays());
            }
            return Notice.to(patron.getEmail(), patron.getLanguage(), template, model);
        });
        if (sent) {
            delivery.recordNotified(requestId, kind);
        }
    }
}
