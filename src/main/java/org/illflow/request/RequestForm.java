package org.illflow.request;

import jakarta.validation.constraints.Max;
import jakarta.validation.constraints.Min;
import jakarta.validation.constraints.Pattern;
import jakarta.validation.constraints.Size;

import org.illflow.citation.Citation;
import org.illflow.citation.NotFutureYear;
import org.illflow.citation.OpenUrl;
import org.illflow.citation.ValidIsbn;

/**
 * What every request form asks, article or book: authors, ISBN, publisher, year, language, subject area, the
 * patron's note and the database an OpenURL link came from. Each service's form adds its own fields (the title
 * with its own rule, journal and pages, edition) and turns the whole into a {@link Citation}. Text is stripped
 * and a blank field is absent. Messages are keys of messages-request*.properties and messages*.properties
 * (citation rules), answered in the caller's language.
 */
public abstract class RequestForm {

    @Size(max = 1000, message = "{request.field.tooLong}")
    private String authors;

    @ValidIsbn
    private String isbn;

    @Size(max = 500, message = "{request.field.tooLong}")
    private String publisher;

    @NotFutureYear
    @Min(value = 1400, message = "{request.year.tooEarly}")
    @Max(value = 9999, message = "{citation.year.future}")
    private Integer year;

    @Pattern(regexp = "zh|en|ja|de|fr|ru|other", message = "{request.language.invalid}")
    private String language;

    @Pattern(regexp = "HSS|STM|OTHER", message = "{request.subjectArea.invalid}")
    private String subjectArea;

    @Size(max = 1000, message = "{request.field.tooLong}")
    private String note;

    /** The day the patron needs it by; optional, today to a year ahead. */
    @NeededBy
    @org.springframework.format.annotation.DateTimeFormat(iso = org.springframework.format.annotation.DateTimeFormat.ISO.DATE)
    private java.time.LocalDate neededBy;

    /** The database the patron came from (OpenURL {@code rfr_id} / {@code sid}), kept for the reports. */
    @Size(max = 100, message = "{dd.source.tooLong}")
    private String source;

    /** The document asked for, as the holdings check, the duplicate check and the request record read it. */
    public abstract Citation toCitation();

    /** The answers every start form shares (authors, year, language, subject area, note, needed-by date). */
    public void readSharedAnswers(StartForm answers) {
        setAuthors(answers.text(StartForm.AUTHORS));
        setYear(answers.year(StartForm.YEAR));
        setLanguage(answers.text(StartForm.LANGUAGE));
        setSubjectArea(answers.text(StartForm.SUBJECT_AREA));
        setNote(answers.text(StartForm.NOTE));
        setNeededBy(answers.day(StartForm.NEEDED_BY));
    }

    protected static String clean(String value) {
        if (value == null) {
            return null;
        }
        String stripped = value.strip();
        return stripped.isEmpty() ? null : stripped;
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

    public java.time.LocalDate getNeededBy() {
        return neededBy;
    }

    public void setNeededBy(java.time.LocalDate neededBy) {
        this.neededBy = neededBy;
    }

    public String getNote() {
        return note;
    }

    public void setNote(String note) {
        this.note = clean(note);
    }

    public String getSource() {
        return source;
    }

    public void setSource(String source) {
        this.source = OpenUrl.sourceDatabase(source);
    }
}
