package org.illflow.lending;

import java.time.Year;
import java.util.Map;
import java.util.stream.Collectors;

import org.illflow.iso18626.Iso18626Peer;
import org.illflow.iso18626.Iso18626Peers;
import org.illflow.security.SignedIn;
import org.springframework.http.HttpStatus;
import org.springframework.security.core.Authentication;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.server.ResponseStatusException;
import org.springframework.web.servlet.mvc.support.RedirectAttributes;

/**
 * The lending staff pages: partner requests (newest first, or the open ones), one request with its timeline and
 * every ISO 18626 message in and out, a recall of a book on loan, and the statistics. Inter-library loan staff and
 * admins only; other staff get 403.
 */
@Controller
@RequestMapping("/staff/lending")
class LendingController {

    private final LendingDesk desk;
    private final Lending lending;
    private final LendingStatistics statistics;
    private final Iso18626Peers peers;
    private final java.time.Clock clock;

    LendingController(LendingDesk desk, Lending lending, LendingStatistics statistics, Iso18626Peers peers,
            java.time.Clock clock) {
        this.clock = clock;
        this.desk = desk;
        this.lending = lending;
        this.statistics = statistics;
        this.peers = peers;
    }

    @GetMapping
    String list(@RequestParam(defaultValue = "false") boolean open, Model model, Authentication who) {
        requireLoanStaff(who);
        model.addAttribute("requests", desk.list(open));
        model.addAttribute("openOnly", open);
        model.addAttribute("partners", partners());
        return "lending/requests";
    }

    @GetMapping("/statistics")
    String statistics(@RequestParam(required = false) String year, Model model, Authentication who) {
        requireLoanStaff(who);
        Year chosen;
        try {
            chosen = year == null || year.isBlank() ? Year.now(clock)
                    : Year.of(Integer.parseInt(year.strip()));
        } catch (NumberFormatException | java.time.DateTimeException e) {
            throw new ResponseStatusException(HttpStatus.BAD_REQUEST, "year must be a year, e.g. 2026");
        }
        if (chosen.getValue() < 2000 || chosen.getValue() > 2999) {
            throw new ResponseStatusException(HttpStatus.BAD_REQUEST, "year must be a year, e.g. 2026");
        }
        model.addAttribute("year", chosen.getValue());
        model.addAttribute("rows", statistics.year(chosen));
        return "lending/statistics";
    }

    @GetMapping("/{number}")
    String show(@PathVariable String number, Model model, Authentication who) {
        requireLoanStaff(who);
        LendingRequest r = find(number);
        model.addAttribute("r", r);
        model.addAttribute("partner", peers.byId(r.peerId()).map(Iso18626Peer::getName).orElse("?"));
        model.addAttribute("timeline", lending.timeline(r.id()));
        model.addAttribute("messages", desk.messages(r));
        model.addAttribute("recallable", LendingDesk.recallable(r));
        return "lending/request";
    }

    @PostMapping("/{number}/recall")
    String recall(@PathVariable String number, @RequestParam(required = false) String note, Authentication who,
            RedirectAttributes redirect) {
        requireLoanStaff(who);
        LendingRequest r = find(number);
        if (note != null && note.length() > 1000) {
            throw new ResponseStatusException(HttpStatus.BAD_REQUEST, "the note is at most 1000 characters");
        }
        if (!desk.recall(r, who.getName(), note)) {
            throw new ResponseStatusException(HttpStatus.CONFLICT, "only a book on loan can be recalled");
        }
        redirect.addFlashAttribute("recalled", true);
        return "redirect:/staff/lending/" + r.lendingNumber();
    }

    private LendingRequest find(String number) {
        return lending.byNumber(number).orElseThrow(() -> new ResponseStatusException(HttpStatus.NOT_FOUND));
    }

    private Map<Long, String> partners() {
        return peers.all().stream().collect(Collectors.toMap(Iso18626Peer::getId, Iso18626Peer::getCode, (a, b) -> a,
                java.util.HashMap::new));
    }

    private static void requireLoanStaff(Authentication who) {
        if (!SignedIn.isLoanStaff(who)) {
            throw new ResponseStatusException(HttpStatus.FORBIDDEN);
        }
    }
}
