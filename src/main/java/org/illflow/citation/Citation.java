package org.illflow.citation;

import java.util.Optional;

/**
 * A citation as the patron entered it or the referring database sent it. Identifiers stay as
 * typed, so a form can show a field error next to the patron's own text; the derived methods give
 * the normalised keys used for matching.
 *
 * @param title   the article, chapter or paper title; for a whole book, the book title
 * @param journal the container: journal title for an article, book title for a chapter,
 *                proceedings title for a conference paper
 * @param authors one or more names, several joined with "; "
 */
public record Citation(
        CitationGenre genre,
        String title,
        String authors,
        String journal,
        @ValidIssn String issn,
        @ValidIssn String eissn,
        @ValidIsbn String isbn,
        @ValidDoi String doi,
        String pmid,
        String volume,
        String issue,
        @ValidPageRange String pages,
        @NotFutureYear Integer year,
        String publisher,
        String place,
        String edition,
        String language,
        String subjectArea) {

    public Citation {
        if (genre == null) {
            genre = CitationGenre.UNKNOWN;
        }
    }

    public static Builder builder() {
        return new Builder();
    }

    public Optional<String> doiKey() {
        return Doi.tryParse(doi).map(Doi::matchKey);
    }

    public String titleKey() {
        return TitleKey.of(title);
    }

    /** The ISSN as NNNN-NNNC when it is valid. */
    public Optional<String> issnValue() {
        return Issn.tryParse(issn).map(Issn::value);
    }

    public Optional<String> isbn13() {
        return Isbn.tryParse(isbn).map(Isbn::isbn13);
    }

    /** Collects the many optional fields; unset fields are null. */
    public static final class Builder {

        private CitationGenre genre;
        private String title;
        private String authors;
        private String journal;
        private String issn;
        private String eissn;
        private String isbn;
        private String doi;
        private String pmid;
        private String volume;
        private String issue;
        private String pages;
        private Integer year;
        private String publisher;
        private String place;
        private String edition;
        private String language;
        private String subjectArea;

        private Builder() {
        }

        public Builder genre(CitationGenre genre) {
            this.genre = genre;
            return this;
        }

        public Builder title(String title) {
            this.title = title;
            return this;
        }

        public Builder authors(String authors) {
            this.authors = authors;
            return this;
        }

        public Builder journal(String journal) {
            this.journal = journal;
            return this;
        }

        public Builder issn(String issn) {
            this.issn = issn;
            return this;
        }

        public Builder eissn(String eissn) {
            this.eissn = eissn;
            return this;
        }

        public Builder isbn(String isbn) {
            this.isbn = isbn;
            return this;
        }

        public Builder doi(String doi) {
            this.doi = doi;
            return this;
        }

        public Builder pmid(String pmid) {
            this.pmid = pmid;
            return this;
        }

        public Builder volume(String volume) {
            this.volume = volume;
            return this;
        }

        public Builder issue(String issue) {
            this.issue = issue;
            return this;
        }

        public Builder pages(String pages) {
            this.pages = pages;
            return this;
        }

        public Builder year(Integer year) {
            this.year = year;
            return this;
        }

        public Builder publisher(String publisher) {
            this.publisher = publisher;
            return this;
        }

        public Builder place(String place) {
            this.place = place;
            return this;
        }

        public Builder edition(String edition) {
            this.edition = edition;
            return this;
        }

        public Builder language(String language) {
            this.language = language;
            return this;
        }

        public Builder subjectArea(String subjectArea) {
            this.subjectArea = subjectArea;
            return this;
        }

        public Citation build() {
            return new Citation(genre, title, authors, journal, issn, eissn, isbn, doi, pmid, volume, issue,
                    pages, year, publisher, place, edition, language, subjectArea);
        }
    }
}
