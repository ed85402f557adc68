package org.illflow.loan;

import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.Size;

import org.illflow.citation.Citation;
import org.illflow.citation.CitationGenre;
import org.illflow.request.RequestForm;

/**
 * The book a patron (or staff on their behalf) wants to borrow: the title (required) and edition; the rest is
 * {@link RequestForm}. Messages are keys of messages-loan*.properties, answered in the caller's language.
 */
public class BookRequestForm extends RequestForm {

    @NotBlank(message = "{loan.title.required}")
    @Size(max = 1000, message = "{loan.field.tooLong}")
    private String title;

    @Size(max = 100, message = "{loan.field.tooLong}")
    private String edition;

    @Override
    public Citation toCitation() {
        return Citation.builder().genre(CitationGenre.BOOK).title(title).authors(getAuthors()).isbn(getIsbn())
                .publisher(getPublisher()).year(getYear()).edition(edition).language(getLanguage())
                .subjectArea(getSubjectArea()).build();
    }

    public String getTitle() {
        return title;
    }

    public void setTitle(String title) {
        this.title = clean(title);
    }

    public String getEdition() {
        return edition;
    }

    public void setEdition(String edition) {
        this.edition = clean(edition);
    }
}
