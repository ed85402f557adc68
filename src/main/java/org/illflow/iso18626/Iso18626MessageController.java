package org.illflow.iso18626;

import java.util.Map;
import java.util.stream.Collectors;

import org.springframework.http.HttpStatus;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.server.ResponseStatusException;
import org.springframework.web.servlet.mvc.support.RedirectAttributes;

/**
 * The ISO 18626 message log for admins: the latest messages in and out, one message's XML and confirmation, and
 * "send again" for an outgoing message the outbox gave up on. Admins only (/admin/**), CSRF on the POST.
 */
@Controller
@RequestMapping("/admin/iso18626/messages")
class Iso18626MessageController {

    private static final int LATEST = 300;

    private final Iso18626MessageLog log;
    private final Iso18626Peers peers;
    private final Iso18626Outbox outbox;

    Iso18626MessageController(Iso18626MessageLog log, Iso18626Peers peers, Iso18626Outbox outbox) {
        this.log = log;
        this.peers = peers;
        this.outbox = outbox;
    }

    @GetMapping
    String list(Model model) {
        model.addAttribute("messages", log.latest(LATEST));
        model.addAttribute("peers", peerCodes());
        return "iso18626/messages";
    }

    @GetMapping("/{id}")
    String show(@PathVariable long id, Model model) {
        Iso18626MessageLog.Entry entry = log.entry(id)
                .orElseThrow(() -> new ResponseStatusException(HttpStatus.NOT_FOUND));
        model.addAttribute("m", entry);
        model.addAttribute("xml", Iso18626MessageLog.withoutSecurityCode(log.xml(id).orElse(null)));
        model.addAttribute("confirmation", log.confirmationXml(id).orElse(null));
        model.addAttribute("outboxItem", outbox.ofMessage(id).orElse(null));
        model.addAttribute("peers", peerCodes());
        return "iso18626/message";
    }

    @PostMapping("/{id}/send-again")
    String sendAgain(@PathVariable long id, RedirectAttributes redirect) {
        if (log.entry(id).isEmpty()) {
            throw new ResponseStatusException(HttpStatus.NOT_FOUND);
        }
        if (!outbox.sendAgain(id)) {
            throw new ResponseStatusException(HttpStatus.CONFLICT, "only a message the outbox gave up on is sent again");
        }
        redirect.addFlashAttribute("sentAgain", id);
        return "redirect:/admin/iso18626/messages/" + id;
    }

    private Map<Long, String> peerCodes() {
        return peers.all().stream().collect(Collectors.toMap(Iso18626Peer::getId, Iso18626Peer::getCode,
                (a, b) -> a, java.util.HashMap::new));
    }
}
