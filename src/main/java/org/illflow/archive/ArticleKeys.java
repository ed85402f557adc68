package org.illflow.archive;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.ArrayList;
import java.util.HexFormat;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;

import org.illflow.citation.Citation;
import org.illflow.citation.Issn;
import org.illflow.citation.TitleKey;

/**
 * When two citations name the same article — the one rule the archive's duplicate index and the check for an open
 * request of the same article both use. Same DOI (however typed); otherwise, when at most one side has a DOI, the
 * same normalised title and year in the same journal (the same ISSN when both sides have one, else the same journal
 * title), unless volumes or first pages known on both sides differ ("Editorial" of one issue is not another's).
 *
 * @param doiKey     the DOI's match key, or null
 * @param titleKey   {@link TitleKey#of(String)} of the title, or "" when none
 * @param year       publication year, or null
 * @param issns      print and electronic ISSNs as NNNN-NNNC
 * @param journalKey {@link TitleKey#of(String)} of the journal, or ""
 * @param volumeKey  the volume's digits, or null
 * @param firstPage  the first page, or null
 */
public record ArticleKeys(String doiKey, String titleKey, Integer year, Set<String> issns, String journalKey,
        String volumeKey, String firstPage) {

    public ArticleKeys {
        titleKey = titleKey == null ? "" : titleKey;
        journalKey = journalKey == null ? "" : journalKey;
        issns = Set.copyOf(issns);
    }

    public static ArticleKeys of(Citation citation) {
        Set<String> issns = new LinkedHashSet<>();
        citation.issnValue().ifPresent(issns::add);
        Issn.tryParse(citation.eissn()).map(Issn::value).ifPresent(issns::add);
        return new ArticleKeys(citation.doiKey().orElse(null), citation.titleKey(), citation.year(), issns,
                TitleKey.of(citation.journal()), MatchKeys.volume(citation.volume()),
                MatchKeys.firstPage(citation.pages()));
    }

    static ArticleKeys stored(String doiKey, String titleKey, Integer year, String issn, String journalKey,
            String volumeKey, String firstPage) {
        return new ArticleKeys(doiKey, titleKey, year, issn == null ? Set.of() : Set.of(issn), journalKey, volumeKey,
                firstPage);
    }

    /** Can this citation be matched by title at all (title, year and a journal)? */
    boolean matchableByTitle() {
        return !titleKey.isEmpty() && year != null && (!issns.isEmpty() || !journalKey.isEmpty());
    }

    public boolean sameArticle(ArticleKeys other) {
        if (doiKey != null && other.doiKey != null) {
            return doiKey.equals(other.doiKey);
        }
        return sameByTitle(other);
    }

    /** Title, year and journal agree and neither volume nor first page rules it out. */
    boolean sameByTitle(ArticleKeys other) {
        return matchableByTitle() && titleKey.equals(other.titleKey) && year.equals(other.year)
                && sameJournal(other) && MatchKeys.agree(volumeKey, other.volumeKey)
                && MatchKeys.agree(firstPage, other.firstPage);
    }

    private boolean sameJournal(ArticleKeys other) {
        if (!issns.isEmpty() && !other.issns.isEmpty()) {
            return issns.stream().anyMatch(other.issns::contains);
        }
        return !journalKey.isEmpty() && journalKey.equals(other.journalKey);
    }

    /** Short fixed-length key of the DOI ("doi:" + SHA-256), for an index or a lock; null without a DOI. */
    public String doiHash() {
        return doiKey == null ? null : "doi:" + sha256(doiKey);
    }

    /** Short fixed-length key of title and year ("title:" + SHA-256); null when not matchable by title. */
    public String titleHash() {
        return titleKey.isEmpty() || year == null ? null : "title:" + sha256(titleKey + "|" + year);
    }

    /**
     * The keys any citation naming the same article shares with this one (at least one of them): two requests for
     * one article that lock all of their keys, in this order, never run side by side.
     */
    public List<String> lockKeys() {
        List<String> keys = new ArrayList<>();
        if (doiHash() != null) {
            keys.add(doiHash());
        }
        if (titleHash() != null) {
            keys.add(titleHash());
        }
        keys.sort(null);
        return keys;
    }

    private static String sha256(String text) {
        try {
            return HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256")
                    .digest(text.getBytes(StandardCharsets.UTF_8)));
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }
}
