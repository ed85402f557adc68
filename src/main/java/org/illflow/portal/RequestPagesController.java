package org.illflow.portal;

import java.security.Principal;
import java.util.Locale;

import jakarta.validation.Valid;

import org.illflow.delivery.ArticleRequestForm;
import org.illflow.delivery.DeliveryRequests;
import org.illflow.delivery.DocumentDeliveryRequest;
import org.illflow.patron.Patron;
import org.illflow.patron.PatronDirectory;
import org.illflow.security.SignedIn;
import org.illflow.system.ApiRefusal;
import org.springframework.context.MessageSource;
import org.springframework.http.HttpStatus;
import org.springframework.security.core.Authentication;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.validation.BindingResult;
import org.springframework.web.bind.annotation.ExceptionHandler;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.ModelAttribute;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.ResponseStatus;
import org.springframework.web.servlet.mvc.support.RedirectAttributes;

/** The patron's pages for document delivery: request an article (with the one-stop check), follow, cancel, download. */
@Controller
class RequestPagesController {

    private final DeliveryRequests deliveries;
    private final org.illflow.loan.LoanRequests loans;
    private final PatronDirectory patrons;
    private final OneStopCheck oneStopCheck;
    private final MessageSource messages;
    private final java.time.Clock clock;
    private final org.illflow.conversation.RequestMessages conversations;

    RequestPagesController(DeliveryRequests deliveries, org.illflow.loan.LoanRequests loans, PatronDirectory patrons,
            OneStopCheck oneStopCheck, MessageSource messages, java.time.Clock clock,
            org.illflow.conversation.RequestMessages conversations) {
        this.conversations = conversations;
        this.deliveries = deliveries;
        this.loans = loans;
        this.patrons = patrons;
        this.oneStopCheck = oneStopCheck;
        this.messages = messages;
        this.clock = clock;
    }

    /** One row of My requests, document delivery and loans together. */
    record RequestRow(String requestNumber, String title, String status, java.time.Instant submittedAt) {
    }

    /** Rows on one page of My requests. */
    static final int PAGE_SIZE = 20;

    /**
     * My requests, newest first, a page at a time ({@code ?page=2}): each kind of request gives only its newest
     * {@code page × 20} rows (by the patron index), the two are merged and the page is cut out, so a patron with
     * hundreds of requests costs what a page shows. A page that is not a positive number is 400, one past the last
     * page 404.
     */
    @GetMapping("/requests")
    String mine(Principal principal, @RequestParam(defaultValue = "1") int page, Model model) {
        String patron = principal.getName();
        long total = deliveries.countOf(patron) + loans.countOf(patron);
        int pages = (int) Math.max(1, (total + PAGE_SIZE - 1) / PAGE_SIZE);
        if (page < 1) {
            throw new ApiRefusal(400, "portal.page.invalid", "Pages are numbered from 1.");
        }
        if (page > pages) {
            throw new ApiRefusal(404, "portal.page.invalid", "There is no page " + page + ".");
        }
        int newest = page * PAGE_SIZE;
        java.util.List<RequestRow> rows = new java.util.ArrayList<>();
        deliveries.newestOf(patron, newest).forEach(r -> rows.add(new RequestRow(r.getRequestNumber(), r.getTitle(),
                r.getStatus().name(), r.getSubmittedAt())));
        loans.newestOf(patron, newest).forEach(r -> rows.add(new RequestRow(r.getRequestNumber(), r.getTitle(),
                r.getStatus().name(), r.getSubmittedAt())));
        rows.sort(java.util.Comparator.comparing(RequestRow::submittedAt)
                .thenComparing(RequestRow::requestNumber).reversed());
        model.addAttribute("rows", rows.subList(Math.min(rows.size(), newest - PAGE_SIZE), Math.min(rows.size(), newest)));
        model.addAttribute("page", page);
        model.addAttribute("pages", pages);
        model.addAttribute("total", total);
        return "portal/requests";
    }

    @GetMapping("/requests/new/article")
    String articleForm(Principal principal, Model model) {
        model.addAttribute("form", new ArticleRequestForm());
        return article(principal, model, null);
    }

    /** Shared by the form, the one-stop check and an OpenURL arrival. */
    String article(Principal principal, Model model, OneStopCheck.Result check) {
        model.addAttribute("mayRequest", patrons.byCardNumber(principal.getName()).map(Patron::isActive).orElse(false));
        model.addAttribute("check", check);
        if (model.getAttribute("form") instanceof ArticleRequestForm form && form.getTitle() == null
                && form.identifier() != null) {
            model.addAttribute("identifierOnly", form.identifier());
            model.addAttribute("missingFields", missingFields(form));
        }
        return "portal/article";
    }

    /** The message keys of what a request by identifier alone does not say (a PubMed link: everything). */
    static java.util.List<String> missingFields(ArticleRequestForm form) {
        java.util.List<String> missing = new java.util.ArrayList<>();
        missing.add("portal.missing.title");
        if (form.getAuthors() == null) {
            missing.add("portal.missing.authors");
        }
        if (form.getJournal() == null) {
            missing.add("portal.missing.journal");
        }
        if (form.getYear() == null) {
            missing.add("portal.missing.year");
        }
        if (form.getPages() == null) {
            missing.add("portal.missing.pages");
        }
        return missing;
    }

    @PostMapping(value = "/requests/new/article", params = "check")
    String checkArticle(@Valid @ModelAttribute("form") ArticleRequestForm form, BindingResult result,
            Principal principal, Model model) {
        return article(principal, model, oneStopCheck.check(safeCitation(form, result)));
    }

    @PostMapping("/requests/new/article")
    String submitArticle(@Valid @ModelAttribute("form") ArticleRequestForm form, BindingResult result,
            Principal principal, Model model, RedirectAttributes redirect, Locale locale) {
        if (result.hasErrors()) {
            return article(principal, model, oneStopCheck.check(safeCitation(form, result)));
        }
        try {
            DocumentDeliveryRequest request = deliveries.submit(form, principal.getName());
            redirect.addFlashAttribute("notice", messages.getMessage("portal.submitted",
                    new Object[] {request.getRequestNumber()}, locale));
            return "redirect:/requests/" + request.getRequestNumber();
        } catch (ApiRefusal e) {
            model.addAttribute("error", e.getMessageKey());
            model.addAttribute("errorArgs", e.getArguments());
            return article(principal, model, null);
        }
    }

    /** The one-stop check only looks at fields that are valid, so a typo cannot break the page. */
    static org.illflow.citation.Citation safeCitation(ArticleRequestForm form, BindingResult result) {
        ArticleRequestForm checked = new ArticleRequestForm();
        checked.setTitle(form.getTitle());
        checked.setJournal(form.getJournal());
        checked.setGenre(result.hasFieldErrors("genre") ? null : form.getGenre());
        checked.setIssn(result.hasFieldErrors("issn") ? null : form.getIssn());
        checked.setEissn(result.hasFieldErrors("eissn") ? null : form.getEissn());
        checked.setIsbn(result.hasFieldErrors("isbn") ? null : form.getIsbn());
        checked.setDoi(result.hasFieldErrors("doi") ? null : form.getDoi());
        checked.setPmid(result.hasFieldErrors("pmid") ? null : form.getPmid());
        checked.setYear(result.hasFieldErrors("year") ? null : form.getYear());
        checked.setLanguage(result.hasFieldErrors("language") ? null : form.getLanguage());
        return checked.toCitation();
    }

    @GetMapping("/requests/{number:DD-.+}")
    String delivery(@PathVariable String number, Authentication who, Model model) {
        DocumentDeliveryRequest request = deliveries.visibleTo(number, who.getName(), SignedIn.isStaff(who));
        var timeline = deliveries.timelineOf(request);
        model.addAttribute("request", request);
        model.addAttribute("timeline", timeline);
        FirstChecks.describe(model, request, timeline, clock);
        conversations.showOn(model, request.getRequestNumber(), who);
        return "portal/request-dd";
    }

    @PostMapping("/requests/{number:DD-.+}/cancel")
    String cancelDelivery(@PathVariable String number, Authentication who, RedirectAttributes redirect,
            Locale locale) {
        if (SignedIn.isStaffOfAnotherService(who, false)) {
            throw new ApiRefusal(403, "error.forbidden", "Only document delivery staff cancel for patrons.");
        }
        try {
            deliveries.cancel(number, who.getName(), SignedIn.cancelsDeliveryForPatrons(who));
            redirect.addFlashAttribute("notice", messages.getMessage("portal.cancelled", null, locale));
        } catch (ApiRefusal e) {
            if (e.getStatus() == 404) {
                throw e; // someone else's request: the ordinary not-found page, as for reading it
            }
            redirect.addFlashAttribute("error", e.getMessageKey());
        }
        return "redirect:/requests/" + number;
    }

    @GetMapping("/requests/{number:DD-.+}/download")
    String downloadDelivery(@PathVariable String number, Authentication who) {
        return "redirect:/downloads/" + deliveries.downloadToken(number, who.getName(), SignedIn.isStaff(who));
    }


}
