package org.illflow.delivery;

import jakarta.validation.constraints.Max;
import jakarta.validation.constraints.Min;
import jakarta.validation.constraints.Pattern;
import jakarta.validation.constraints.Size;

import org.illflow.citation.Citation;
import org.illflow.citation.CitationGenre;
import org.illflow.citation.NotFutureYear;
import org.illflow.citation.ValidDoi;
import org.illflow.citation.ValidIsbn;
import org.illflow.citation.ValidIssn;
import org.illflow.citation.ValidPageRange;

/**
 * What a patron (or staff on their behalf) asks for: an article, a book chapter or a conference paper.
 * Messages are keys of messages*.properties, answered in the request's language.
 */
@TitleOrIdentifier
public class ArticleRequestForm {

    @Pattern(regexp = "ARTICLE|CHAPTER|PROCEEDING", message = "{dd.genre.invalid}")
    private String genre = "ARTICLE";

    // required unless a DOI or PMID names the document (@TitleOrIdentifier)
    @Size(max = 1000, message = "{dd.field.tooLong}")
    private String title;

    @Size(max = 1000, message = "{dd.field.tooLong}")
    private String authors;

    @Size(max = 1000, message = "{dd.field.tooLong}")
    private String journal;

    @ValidIssn
    private String issn;

    @ValidIssn
    private String eissn;

    @ValidIsbn
    private String isbn;

    @ValidDoi
    @Size(max = 300, message = "{dd.field.tooLong}")
    private String doi;

    @Pattern(regexp = "\\d{1,12}", message = "{dd.pmid.invalid}")
    private String pmid;

    @Size(max = 50, message = "{dd.field.tooLong}")
    private String volume;

    @Size(max = 50, message = "{dd.field.tooLong}")
    private String issue;

    @ValidPageRange
    @Size(max = 50, message = "{dd.field.tooLong}")
    private String pages;

    @NotFutureYear
    @Min(value = 1400, message = "{dd.year.tooEarly}")
    @Max(value = 9999, message = "{citation.year.future}")
    private Integer year;

    @Size(max = 500, message = "{dd.field.tooLong}")
    private String publisher;

    @Pattern(regexp = "zh|en|ja|de|fr|ru|other", message = "{dd.language.invalid}")
    private String language;

    @Pattern(regexp = "HSS|STM|OTHER", message = "{dd.subjectArea.invalid}")
    private String subjectArea;

    @Size(max = 1000, message = "{dd.field.tooLong}")
    private String note;

    /** The day the patron needs it by; optional, today to a year ahead. */
    @org.illflow.request.NeededBy
    @org.springframework.format.annotation.DateTimeFormat(iso = org.springframework.format.annotation.DateTimeFormat.ISO.DATE)
    private java.time.LocalDate neededBy;

    /** The database the patron came from (OpenURL {@code rfr_id} / {@code sid}), kept for the reports. */
    @Size(max = 100, message = "{dd.source.tooLong}")
    private String source;

    /**
     * How a request without a title is named ({@code PMID 12345678}, {@code DOI 10.1/x}): the identifier the
     * patron gave, which staff use to complete the citation. Null when there is neither.
     */
    public String identifier() {
        if (doi != null && org.illflow.citation.CitationValidation.isAcceptableDoi(doi)) {
            return "DOI " + doi;
        }
        return pmid != null && pmid.matches("\\d{1,12}") ? "PMID " + pmid : null;
    }

    public Citation toCitation() {
        return Citation.builder().genre(CitationGenre.valueOf(genre == null ? "ARTICLE" : genre)).title(title)
                .authors(authors).journal(journal).issn(issn).eissn(eissn).isbn(isbn).doi(doi).pmid(pmid)
                .volume(volume).issue(issue).pages(pages).year(year).publisher(publisher).language(language)
                .subjectArea(subjectArea).build();
    }

    private static String clean(String value) {
        if (value == null) {
            return null;
        }
        String stripped = value.strip();
        return stripped.isEmpty() ? null : stripped;
    }

    public String getGenre() {
        return genre;
    }

    public void setGenre(String genre) {
        this.genre = clean(genre) == null ? "ARTICLE" : clean(genre);
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

    public String getJournal() {
        return journal;
    }

    public void setJournal(String journal) {
        this.journal = clean(journal);
    }

    public String getIssn() {
        return issn;
    }

    public void setIssn(String issn) {
        this.issn = clean(issn);
    }

    public String getEissn() {
        return eissn;
    }

    public void setEissn(String eissn) {
        this.eissn = clean(eissn);
    }

    public String getIsbn() {
        return isbn;
    }

    public void setIsbn(String isbn) {
        this.isbn = clean(isbn);
    }

    public String getDoi() {
        return doi;
    }

    public void setDoi(String doi) {
        this.doi = clean(doi);
    }

    public String getPmid() {
        return pmid;
    }

    public void setPmid(String pmid) {
        this.pmid = clean(pmid);
    }

    public String getVolume() {
        return volume;
    }

    public void setVolume(String volume) {
        this.volume = clean(volume);
    }

    public String getIssue() {
        return issue;
    }

    public void setIssue(String issue) {
        this.issue = clean(issue);
    }

    public String getPages() {
        return pages;
    }

    public void setPages(String pages) {
        this.pages = clean(pages);
    }

    public Integer getYear() {
        return year;
    }

    public void setYear(Integer year) {
        this.year = year;
    }

    public String getPublisher() {
        return publisher;
    }

    public void setPublisher(String publisher) {
        this.publisher = clean(publisher);
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
