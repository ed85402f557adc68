package org.illflow.copyright;

import java.time.Clock;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.Set;
import java.util.TreeMap;
import java.util.stream.Stream;

import org.illflow.catalog.JournalIdentities;
import org.illflow.copyright.CopyrightStanding.Level;
import org.illflow.request.OverLimit;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * Copyright control: counts article copies delivered per journal and calendar year (supplier deliveries and
 * re-deliveries from the archive alike), says where a request stands against the library's rule or its
 * journal's own, and reports the counts by journal and publication year.
 *
 * <p>A journal is known by its ISSNs: a request's ISSN and eISSN, those a journal rule pairs with them and those
 * an imported KBART row pairs with them all count as one journal. Open access titles are never counted against:
 * a journal rule marked open access, or a KBART list that gives the title as free (access_type F).
 */
@Service
@Transactional
public class CopyrightControl {

    private final CopyrightRuleRepository rules;
    private final JournalRuleRepository journals;
    private final CopyrightCopyRepository copies;
    private final JournalIdentities identities;
    private final Clock clock;

    CopyrightControl(CopyrightRuleRepository rules, JournalRuleRepository journals, CopyrightCopyRepository copies,
            JournalIdentities identities, Clock clock) {
        this.rules = rules;
        this.journals = journals;
        this.copies = copies;
        this.identities = identities;
        this.clock = clock;
    }

    @Transactional(readOnly = true)
    public CopyrightRule rule() {
        return rules.findById(CopyrightRule.LIBRARY).orElseThrow(() -> new IllegalStateException("no copyright rule"));
    }

    public void changeRule(boolean enabled, int warnAt, int copyLimit, int recentYears, OverLimit overLimit) {
        rule().change(enabled, warnAt, copyLimit, recentYears, overLimit);
    }

    @Transactional(readOnly = true)
    public List<JournalRule> journalRules() {
        return journals.findAllByOrderByIssn();
    }

    /** Adds or changes the rule of the journal with this (print or main) ISSN. */
    public JournalRule saveJournalRule(String issn, String eissn, String title, Integer warnAt, Integer copyLimit,
            boolean openAccess) {
        JournalRule rule = journals.findByIssn(issn).orElseGet(() -> journals.save(new JournalRule(issn)));
        rule.change(eissn, title, warnAt, copyLimit, openAccess);
        return rule;
    }

    public void removeJournalRule(long id) {
        journals.deleteById(id);
    }

    /** A copy was delivered for this request (once per request, however often the step is retried). */
    public void recordCopy(CopiedArticle article, boolean fromArchive) {
        if (article.issn() == null && article.eissn() == null || copies.existsByRequestId(article.requestId())) {
            return;
        }
        copies.save(new CopyrightCopy(article, yearOf(article.requestedAt()), clock.instant(), fromArchive));
    }

    /** Where this request stands: the copy it would be this year, against its journal's threshold and limit. */
    @Transactional(readOnly = true)
    public CopyrightStanding standing(CopiedArticle article) {
        int year = yearOf(article.requestedAt());
        CopyrightRule rule = rule();
        Set<String> issns = sameJournal(Stream.of(article.issn(), article.eissn()).filter(Objects::nonNull).toList());
        if (!rule.isEnabled() || issns.isEmpty()) {
            return CopyrightStanding.notCounted(Level.NOT_COUNTED, null, year);
        }
        List<JournalRule> own = journals.findByAnyIssn(issns);
        String key = own.isEmpty() ? (article.issn() != null ? article.issn() : article.eissn()) : own.get(0).getIssn();
        if (own.stream().anyMatch(JournalRule::isOpenAccess) || identities.listedAsOpenAccess(issns)) {
            return CopyrightStanding.notCounted(Level.OPEN_ACCESS, key, year);
        }
        int warnAt = own.stream().map(JournalRule::getWarnAt).filter(Objects::nonNull).findFirst()
                .orElse(rule.getWarnAt());
        int limit = own.stream().map(JournalRule::getCopyLimit).filter(Objects::nonNull).findFirst()
                .orElse(rule.getCopyLimit());
        int since = year - rule.getRecentYears() + 1;
        // an article without a year counts as recent: the safe side
        if (article.pubYear() != null && article.pubYear() < since) {
            return new CopyrightStanding(Level.NOT_RECENT, key, 0, warnAt, limit, rule.getRecentYears(), year,
                    rule.getOverLimit());
        }
        long self = article.requestId() == null ? -1 : article.requestId();
        int nth = (int) copies.countRecent(issns, year, since, self) + 1;
        Level level = nth > limit ? Level.OVER_LIMIT : nth >= warnAt ? Level.WARN : Level.WITHIN;
        return new CopyrightStanding(level, key, nth, warnAt, limit, rule.getRecentYears(), year, rule.getOverLimit());
    }

    /** The ISSNs given and those a journal rule or an imported KBART row pairs with them. */
    private Set<String> sameJournal(List<String> issns) {
        Set<String> all = new LinkedHashSet<>(identities.withPairs(issns));
        if (!all.isEmpty()) {
            for (JournalRule rule : journals.findByAnyIssn(all)) {
                all.add(rule.getIssn());
                if (rule.getEissn() != null) {
                    all.add(rule.getEissn());
                }
            }
        }
        return all;
    }

    private int yearOf(Instant at) {
        return (at == null ? clock.instant() : at).atZone(clock.getZone()).getYear();
    }

    /** One line of the copyright report: a journal, a publication year, the copies requested in the year. */
    public record ReportLine(String issn, String eissn, String journal, Integer pubYear, int copies,
            int fromArchive, int recentCopiesOfJournal, int limit, boolean overLimit) {
    }

    /**
     * The copies requested in {@code year} by journal (ISSN and eISSN folded together) and publication year,
     * with the journal's count of recent articles against its limit. Journals most copied first.
     */
    @Transactional(readOnly = true)
    public List<ReportLine> report(int year) {
        List<CopyrightCopy> all = copies.findByRequestYear(year);
        CopyrightRule rule = rule();
        Map<String, String> parent = new HashMap<>();
        for (CopyrightCopy c : all) {
            union(parent, c.getIssn(), c.getEissn());
        }
        List<String> seen = new ArrayList<>(parent.keySet());
        for (JournalRule j : seen.isEmpty() ? List.<JournalRule>of() : journals.findByAnyIssn(seen)) {
            union(parent, j.getIssn(), j.getEissn());
        }
        for (String issn : seen) {
            identities.withPairs(List.of(issn)).forEach(other -> union(parent, issn, other));
        }
        Map<String, List<CopyrightCopy>> byJournal = new HashMap<>();
        for (CopyrightCopy c : all) {
            byJournal.computeIfAbsent(find(parent, c.getIssn() != null ? c.getIssn() : c.getEissn()),
                    k -> new ArrayList<>()).add(c);
        }
        int since = year - rule.getRecentYears() + 1;
        List<ReportLine> lines = new ArrayList<>();
        byJournal.values().stream().sorted(Comparator.comparingInt((List<CopyrightCopy> l) -> -l.size())
                .thenComparing(l -> keyOf(l))).forEach(group -> {
            String issn = group.stream().map(CopyrightCopy::getIssn).filter(Objects::nonNull).sorted().findFirst()
                    .orElse(null);
            String eissn = group.stream().map(CopyrightCopy::getEissn).filter(Objects::nonNull)
                    .filter(e -> !e.equals(issn)).sorted().findFirst().orElse(null);
            String name = group.stream().map(CopyrightCopy::getJournal).filter(Objects::nonNull).findFirst()
                    .orElse(null);
            List<String> groupIssns = Stream.of(issn, eissn).filter(Objects::nonNull).toList();
            Optional<JournalRule> own = journals.findByAnyIssn(groupIssns).stream().findFirst();
            int limit = own.map(JournalRule::getCopyLimit).orElse(rule.getCopyLimit());
            boolean openAccess = own.map(JournalRule::isOpenAccess).orElse(false)
                    || identities.listedAsOpenAccess(groupIssns);
            int recent = (int) group.stream().filter(c -> c.getPubYear() == null || c.getPubYear() >= since).count();
            Map<Integer, List<CopyrightCopy>> byYear = new TreeMap<>(Comparator.nullsLast(Comparator.reverseOrder()));
            group.forEach(c -> byYear.computeIfAbsent(c.getPubYear(), y -> new ArrayList<>()).add(c));
            byYear.forEach((pubYear, inYear) -> lines.add(new ReportLine(issn, eissn, name, pubYear, inYear.size(),
                    (int) inYear.stream().filter(CopyrightCopy::isFromArchive).count(), recent, limit,
                    rule.isEnabled() && !openAccess && recent > limit)));
        });
        return lines;
    }

    private static String keyOf(List<CopyrightCopy> group) {
        return group.get(0).getIssn() != null ? group.get(0).getIssn() : group.get(0).getEissn();
    }

    private static void union(Map<String, String> parent, String a, String b) {
        if (a == null && b == null) {
            return;
        }
        String ra = a == null ? null : find(parent, a);
        String rb = b == null ? null : find(parent, b);
        if (ra != null && rb != null && !ra.equals(rb)) {
            parent.put(ra.compareTo(rb) < 0 ? rb : ra, ra.compareTo(rb) < 0 ? ra : rb);
        }
    }

    private static String find(Map<String, String> parent, String x) {
        parent.putIfAbsent(x, x);
        String root = x;
        while (!parent.get(root).equals(root)) {
            root = parent.get(root);
        }
        return root;
    }
}
