package org.illflow.copyright;

import java.time.Instant;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.GeneratedValue;
import jakarta.persistence.GenerationType;
import jakarta.persistence.Id;
import jakarta.persistence.Table;

/** One article copy delivered to a patron (by a supplier, or again from the archive), as copyright counts it. */
@Entity
@Table(name = "copyright_copy")
public class CopyrightCopy {

    @Id
    @GeneratedValue(strategy = GenerationType.IDENTITY)
    private Long id;

    @Column(name = "request_id", nullable = false)
    private Long requestId;

    @Column(name = "request_number", nullable = false, length = 20)
    private String requestNumber;

    @Column(length = 9)
    private String issn;

    @Column(length = 9)
    private String eissn;

    @Column(length = 1000)
    private String journal;

    @Column(name = "pub_year")
    private Integer pubYear;

    @Column(name = "request_year", nullable = false)
    private int requestYear;

    @Column(name = "delivered_at", nullable = false)
    private Instant deliveredAt;

    @Column(name = "from_archive", nullable = false)
    private boolean fromArchive;

    protected CopyrightCopy() {
    }

    CopyrightCopy(CopiedArticle article, int requestYear, Instant deliveredAt, boolean fromArchive) {
        this.requestId = article.requestId();
        this.requestNumber = article.requestNumber();
        this.issn = article.issn();
        this.eissn = article.eissn();
        this.journal = article.journal() == null || article.journal().length() <= 1000 ? article.journal()
                : article.journal().substring(0, 1000);
        this.pubYear = article.pubYear();
        this.requestYear = requestYear;
        this.deliveredAt = deliveredAt;
        this.fromArchive = fromArchive;
    }

    public String getIssn() {
        return issn;
    }

    public String getEissn() {
        return eissn;
    }

    public String getJournal() {
        return journal;
    }

    public Integer getPubYear() {
        return pubYear;
    }

    public boolean isFromArchive() {
        return fromArchive;
    }
}
