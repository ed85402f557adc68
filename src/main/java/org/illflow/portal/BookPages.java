package org.illflow.portal;

import java.security.Principal;
import java.time.Clock;
import java.util.Locale;

import jakarta.validation.Valid;

import org.illflow.citation.Citation;
import org.illflow.loan.BookRequestForm;
import org.illflow.loan.LoanRequest;
import org.illflow.loan.LoanRequests;
import org.illflow.patron.Patron;
import org.illflow.patron.PatronDirectory;
import org.illflow.security.SignedIn;
import org.illflow.system.ApiRefusal;
import org.springframework.context.MessageSource;
import org.springframework.security.core.Authentication;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.validation.BeanPropertyBindingResult;
import org.springframework.validation.BindingResult;
import org.springframework.validation.SmartValidator;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.ModelAttribute;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.servlet.mvc.support.RedirectAttributes;

/** The patron's pages for inter-library loan: request a book (with the holdings check), follow, cancel, renew. */
@Controller
class BookPages {

    private final LoanRequests loans;
    private final PatronDirectory patrons;
    private final OneStopCheck oneStopCheck;
    private final SmartValidator validator;
    private final MessageSource messages;
    private final Clock clock;
    private final org.illflow.conversation.RequestMessages conversations;

    BookPages(LoanRequests loans, PatronDirectory patrons, OneStopCheck oneStopCheck, SmartValidator validator,
            MessageSource messages, Clock clock, org.illflow.conversation.RequestMessages conversations) {
        this.conversations = conversations;
        this.loans = loans;
        this.patrons = patrons;
        this.oneStopCheck = oneStopCheck;
        this.validator = validator;
        this.messages = messages;
        this.clock = clock;
    }

    @GetMapping("/requests/new/book")
    String bookForm(Principal principal, Model model) {
        model.addAttribute("form", new BookRequestForm());
        return book(principal, model, null);
    }

    private String book(Principal principal, Model model, OneStopCheck.Result check) {
        model.addAttribute("mayRequest", patrons.byCardNumber(principal.getName()).map(Patron::isActive).orElse(false));
        model.addAttribute("check", check);
        return "portal/book";
    }

    /** A book arriving by OpenURL: the form pre-filled, checked, with field errors for malformed values. */
    String fromCitation(Citation citation, String source, Principal principal, Model model) {
        BookRequestForm form = new BookRequestForm();
        form.setSource(source);
        form.setTitle(citation.title());
        form.setAuthors(citation.authors());
        form.setIsbn(citation.isbn());
        form.setPublisher(citation.publisher());
        form.setYear(citation.year());
        form.setEdition(citation.edition());
        form.setLanguage(citation.language());
        BindingResult result = new BeanPropertyBindingResult(form, "form");
        validator.validate(form, result);
        model.addAttribute("form", form);
        model.addAttribute(BindingResult.MODEL_KEY_PREFIX + "form", result);
        return book(principal, model, oneStopCheck.check(safeCitation(form, result)));
    }

    private static Citation safeCitation(BookRequestForm form, BindingResult result) {
        BookRequestForm checked = new BookRequestForm();
        checked.setTitle(form.getTitle());
        checked.setIsbn(result.hasFieldErrors("isbn") ? null : form.getIsbn());
        checked.setYear(result.hasFieldErrors("year") ? null : form.getYear());
        checked.setLanguage(result.hasFieldErrors("language") ? null : form.getLanguage());
        return checked.toCitation();
    }

    @PostMapping(value = "/requests/new/book", params = "check")
    String check(@Valid @ModelAttribute("form") BookRequestForm form, BindingResult result, Principal principal,
            Model model) {
        return book(principal, model, oneStopCheck.check(safeCitation(form, result)));
    }

    @PostMapping("/requests/new/book")
    String submit(@Valid @ModelAttribute("form") BookRequestForm form, BindingResult result, Principal principal,
            Model model, RedirectAttributes redirect, Locale locale) {
        if (result.hasErrors()) {
            return book(principal, model, oneStopCheck.check(safeCitation(form, result)));
        }
        try {
            LoanRequest request = loans.submit(form, principal.getName());
            redirect.addFlashAttribute("notice", messages.getMessage("portal.submitted",
                    new Object[] {request.getRequestNumber()}, locale));
            return "redirect:/requests/" + request.getRequestNumber();
        } catch (ApiRefusal e) {
            model.addAttribute("error", e.getMessageKey());
            model.addAttribute("errorArgs", e.getArguments());
            return book(principal, model, null);
        }
    }

    @GetMapping("/requests/{number:ILL-.+}")
    String loan(@PathVariable String number, Authentication who, Model model) {
        LoanRequest request = loans.visibleTo(number, who.getName(), SignedIn.isLoanStaff(who));
        var timeline = loans.timelineOf(request);
        model.addAttribute("request", request);
        model.addAttribute("timeline", timeline);
        FirstChecks.describe(model, request, timeline, clock);
        model.addAttribute("renewable", loans.renewalRefusal(request).isEmpty());
        model.addAttribute("renewalsAllowed", loans.renewalsAllowed(request));
        conversations.showOn(model, request.getRequestNumber(), who);
        return "portal/request-ill";
    }

    @PostMapping("/requests/{number:ILL-.+}/cancel")
    String cancel(@PathVariable String number, Authentication who, RedirectAttributes redirect, Locale locale) {
        return act(number, redirect, locale, "portal.cancelled",
                () -> loans.cancel(number, who.getName(), SignedIn.cancelsLoansForPatrons(who)));
    }

    @PostMapping("/requests/{number:ILL-.+}/renew")
    String renew(@PathVariable String number, Authentication who, RedirectAttributes redirect, Locale locale) {
        return act(number, redirect, locale, "portal.renewalAsked",
                () -> loans.renew(number, who.getName(), SignedIn.isLoanStaff(who)));
    }

    /** Inter-library loan staff record a lender's recall: the earlier due date the lender asked for. */
    @PostMapping("/requests/{number:ILL-.+}/recall")
    String recall(@PathVariable String number, @org.springframework.web.bind.annotation.RequestParam(defaultValue = "")
            String dueDate, @org.springframework.web.bind.annotation.RequestParam(defaultValue = "") String reason,
            Authentication who, RedirectAttributes redirect, Locale locale) {
        if (!SignedIn.isLoanStaff(who)) {
            throw new ApiRefusal(403, "loan.recall.staffOnly", "Only inter-library loan staff record a recall.");
        }
        java.time.LocalDate date;
        try {
            date = java.time.LocalDate.parse(dueDate);
        } catch (java.time.format.DateTimeParseException e) {
            date = null;
        }
        java.time.LocalDate newDueDate = date;
        return act(number, redirect, locale, "portal.loan.recalled",
                () -> loans.recall(number, who.getName(), newDueDate, reason));
    }

    private String act(String number, RedirectAttributes redirect, Locale locale, String done, Runnable action) {
        try {
            action.run();
            redirect.addFlashAttribute("notice", messages.getMessage(done, null, locale));
        } catch (ApiRefusal e) {
            if (e.getStatus() == 404) {
                throw e;
            }
            redirect.addFlashAttribute("notice", messages.getMessage(e.getMessageKey(), e.getArguments(),
                    e.getMessage(), locale));
            redirect.addFlashAttribute("refused", true);
        }
        return "redirect:/requests/" + number;
    }
}
