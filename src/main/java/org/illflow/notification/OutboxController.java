package org.illflow.notification;

import java.io.IOException;
import java.time.Clock;
import java.util.Optional;

import jakarta.mail.MessagingException;
import jakarta.mail.internet.MimeMessage;

import org.springframework.beans.factory.ObjectProvider;
import org.springframework.http.HttpStatus;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.server.ResponseStatusException;

/** Admin page listing every notice sent; with the embedded SMTP sink, the mail itself can be read. */
@Controller
class OutboxController {

    private final NotificationService notifications;
    private final ObjectProvider<EmbeddedMailServer> embedded;
    private final Clock clock;

    OutboxController(NotificationService notifications, ObjectProvider<EmbeddedMailServer> embedded, Clock clock) {
        this.notifications = notifications;
        this.embedded = embedded;
        this.clock = clock;
    }

    @GetMapping("/admin/outbox")
    String outbox(Model model) {
        model.addAttribute("notices", notifications.newest(200));
        model.addAttribute("readable", embedded.getIfAvailable() != null);
        model.addAttribute("zone", clock.getZone());
        return "notification/outbox";
    }

    @GetMapping("/admin/outbox/{id}")
    String notice(@PathVariable long id, Model model) throws MessagingException, IOException {
        NoticeRecord notice = notifications.byId(id)
                .orElseThrow(() -> new ResponseStatusException(HttpStatus.NOT_FOUND));
        model.addAttribute("notice", notice);
        EmbeddedMailServer server = embedded.getIfAvailable();
        Optional<MimeMessage> message = server == null ? Optional.empty() : server.byMessageId(notice.getMessageId());
        if (message.isPresent()) {
            model.addAttribute("body", message.get().getContent().toString());
        }
        return "notification/notice";
    }
}
