package org.illflow.loan;

import jakarta.validation.constraints.Max;
import jakarta.validation.constraints.Min;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.Pattern;
import jakarta.validation.constraints.Size;

import org.illflow.citation.Citation;
import org.illflow.citation.CitationGenre;
import org.illflow.citation.NotFutureYear;
import org.illflow.citation.ValidIsbn;

/**
 * The book a patron (or staff on their behalf) wants to borrow. Messages are keys of messages-loan*.properties
 * and messages*.properties (citation rules), answered in the caller's language.
 */
public class BookRequestForm {

    @NotBlank(message = "{loan.title.required}")
    @Size(max = 1000, message = "{loan.field.tooLong}")
    private String title;

    @Size(max = 1000, message = "{loan.field.tooLong}")
    private String authors;

    @ValidIsbn
    private String isbn;

    @Size(max = 500, message = "{loan.field.tooLong}")
    private String publisher;

    @NotFutureYear
    @Min(value = 1400, message = "{loan.year.tooEarly}")
    @Max(value = 9999, message = "{citation.year.future}")
    private Integer year;

    @Size(max = 100, message = "{loan.field.tooLong}")
    private String edition;

    @Pattern(regexp = "zh|en|ja|de|fr|ru|other", message = "{loan.language.invalid}")
    private String language;

    @Pattern(regexp = "HSS|STM|OTHER", message = "{loan.subjectArea.invalid}")
    private String subjectArea;

    @Size(max = 1000, message = "{loan.field.tooLong}")
    private String note;

    /** The day the patron needs it by; optional, today to a year ahead. */
    @org.illflow.request.NeededBy
    @org.springframework.format.annotation.DateTimeFormat(iso = org.springframework.format.annotation.DateTimeFormat.ISO.DATE)
    private java.time.LocalDate neededBy;

    /** The database the patron came from (OpenURL {@code rfr_id} / {@code sid}), kept for the reports. */
    @Size(max = 100, message = "{dd.source.tooLong}")
    private String source;

    public Citation toCitation() {
        return Citation.builder().genre(CitationGenre.BOOK).title(title).authors(authors).isbn(isbn)
                .publisher(publisher).year(year).edition(edition).language(language).subjectArea(subjectArea)
                .build();
    }

    private static String clean(String value) {
        if (value == null) {
            return null;
        }
        String stripped = value.strip();
        return stripped.isEmpty() ? null : stripped;
    }

    public String getTitle() {
        return title;
    }

    public void setTitle(String title) {
        this.title = clean(title);
    }

    public String getAuthors() {
        return authors;
    }

    public void setAuthors(String authors) {
        this.authors = clean(authors);
    }

    public String getIsbn() {
        return isbn;
    }

    public void setIsbn(String isbn) {
        this.isbn = clean(isbn);
    }

    public String getPublisher() {
        return publisher;
    }

    public void setPublisher(String publisher) {
        this.publisher = clean(publisher);
    }

    public Integer getYear() {
        return year;
    }

    public void setYear(Integer year) {
        this.year = year;
    }

    public String getEdition() {
        return edition;
    }

    public void setEdition(String edition) {
        this.edition = clean(edition);
    }

    public String getLanguage() {
        return language;
    }

    public void setLanguage(String language) {
        this.language = clean(language);
    }

    public String getSubjectArea() {
        return subjectArea;
    }

    public void setSubjectArea(String subjectArea) {
        this.subjectArea = clean(subjectArea);
    }

    public String getSource() {
        return source;
    }

    public void setSource(String source) {
        this.source = org.illflow.citation.OpenUrl.sourceDatabase(source);
    }

    public String getNote() {
        return note;
    }

    public void setNote(String note) {
        this.note = clean(note);
    }

    public java.time.LocalDate getNeededBy() {
        return neededBy;
    }

    public void setNeededBy(java.time.LocalDate neededBy) {
        this.neededBy = neededBy;
    }
}
