package org.illflow.portal;

import java.security.Principal;

import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;

import org.illflow.citation.Citation;
import org.illflow.citation.OpenUrl;
import org.illflow.citation.OpenUrlRequest;
import org.illflow.delivery.ArticleRequestForm;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.validation.BeanPropertyBindingResult;
import org.springframework.validation.BindingResult;
import org.springframework.validation.SmartValidator;
import org.springframework.web.bind.annotation.GetMapping;

/**
 * {@code /openurl}: a database's "request via library" link (OpenURL 1.0 KEV or 0.1) lands on the article or
 * book request form, pre-filled, after login if needed, with the one-stop check already shown. Unknown keys
 * are ignored; malformed values appear as field errors on the form, never as an error page.
 */
@Controller
class OpenUrlController {

    /** Real links are a few hundred characters; anything far longer is refused before parsing (below the server's limit). */
    static final int MAX_QUERY_LENGTH = OpenUrl.DEFAULT_MAX_QUERY_LENGTH;

    private final RequestPagesController articles;
    private final BookPages books;
    private final OneStopCheck oneStopCheck;
    private final SmartValidator validator;

    OpenUrlController(RequestPagesController articles, BookPages books, OneStopCheck oneStopCheck,
            SmartValidator validator) {
        this.articles = articles;
        this.books = books;
        this.oneStopCheck = oneStopCheck;
        this.validator = validator;
    }

    @GetMapping("/openurl")
    String openUrl(HttpServletRequest request, HttpServletResponse response, Principal principal, Model model) {
        String query = request.getQueryString() == null ? "" : request.getQueryString();
        if (query.length() > MAX_QUERY_LENGTH) {
            response.setStatus(HttpServletResponse.SC_REQUEST_URI_TOO_LONG);
            model.addAttribute("status", 414);
            model.addAttribute("reason", "portal.openurl.tooLong");
            return "error";
        }
        OpenUrlRequest openUrl = OpenUrl.parse(OpenUrl.parseQueryString(query, MAX_QUERY_LENGTH));
        Citation citation = openUrl.citation();
        model.addAttribute("fromOpenUrl", true);
        String source = OpenUrl.sourceDatabase(openUrl.referrer());
        model.addAttribute("referrer", source);
        if (citation.genre().returnable()) {
            return books.fromCitation(citation, source, principal, model);
        }
        ArticleRequestForm form = formOf(citation);
        form.setSource(source);
        BindingResult result = new BeanPropertyBindingResult(form, "form");
        validator.validate(form, result);
        model.addAttribute("form", form);
        model.addAttribute(BindingResult.MODEL_KEY_PREFIX + "form", result);
        return articles.article(principal, model,
                oneStopCheck.check(RequestPagesController.safeCitation(form, result)));
    }

    static ArticleRequestForm formOf(Citation c) {
        ArticleRequestForm form = new ArticleRequestForm();
        form.setGenre(switch (c.genre()) {
            case CHAPTER -> "CHAPTER";
            case PROCEEDING -> "PROCEEDING";
            default -> "ARTICLE";
        });
        form.setTitle(c.title());
        form.setAuthors(c.authors());
        form.setJournal(c.journal());
        form.setIssn(c.issn());
        form.setEissn(c.eissn());
        form.setIsbn(c.isbn());
        form.setDoi(c.doi());
        form.setPmid(c.pmid());
        form.setVolume(c.volume());
        form.setIssue(c.issue());
        form.setPages(c.pages());
        form.setYear(c.year());
        form.setPublisher(c.publisher());
        form.setLanguage(c.language());
        form.setSubjectArea(c.subjectArea());
        return form;
    }
}
