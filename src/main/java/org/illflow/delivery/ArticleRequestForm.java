package org.illflow.delivery;

import jakarta.validation.constraints.Pattern;
import jakarta.validation.constraints.Size;

import org.illflow.citation.Citation;
import org.illflow.citation.CitationGenre;
import org.illflow.citation.ValidDoi;
import org.illflow.citation.ValidIssn;
import org.illflow.citation.ValidPageRange;
import org.illflow.request.RequestForm;

/**
 * What a patron (or staff on their behalf) asks for: an article, a book chapter or a conference paper — its
 * genre, title, journal, identifiers, volume, issue and pages; the rest is {@link RequestForm}. Messages are keys
 * of messages*.properties, answered in the request's language.
 */
@TitleOrIdentifier
public class ArticleRequestForm extends RequestForm {

    @Pattern(regexp = "ARTICLE|CHAPTER|PROCEEDING", message = "{dd.genre.invalid}")
    private String genre = "ARTICLE";

    // required unless a DOI or PMID names the document (@TitleOrIdentifier)
    @Size(max = 1000, message = "{dd.field.tooLong}")
    private String title;

    @Size(max = 1000, message = "{dd.field.tooLong}")
    private String journal;

    @ValidIssn
    private String issn;

    @ValidIssn
    private String eissn;

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

    @Override
    public Citation toCitation() {
        return Citation.builder().genre(CitationGenre.valueOf(genre == null ? "ARTICLE" : genre)).title(title)
                .authors(getAuthors()).journal(journal).issn(issn).eissn(eissn).isbn(getIsbn()).doi(doi).pmid(pmid)
                .volume(volume).issue(issue).pages(pages).year(getYear()).publisher(getPublisher())
                .language(getLanguage()).subjectArea(getSubjectArea()).build();
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
}
