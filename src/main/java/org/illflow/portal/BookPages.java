package org.illflow.portal;

import java.security.Principal;

import org.illflow.citation.Citation;
import org.springframework.stereotype.Component;
import org.springframework.ui.Model;

/**
 * Book requests (inter-library loan). Until the loan feature lands, a book arriving by OpenURL is shown with
 * the one-stop check (is it on our shelves, or in a self-service source?) on the book page.
 */
@Component
class BookPages {

    private final OneStopCheck oneStopCheck;

    BookPages(OneStopCheck oneStopCheck) {
        this.oneStopCheck = oneStopCheck;
    }

    String fromCitation(Citation citation, Principal principal, Model model) {
        model.addAttribute("book", citation);
        model.addAttribute("check", oneStopCheck.check(citation));
        return "portal/book";
    }
}
