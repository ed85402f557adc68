package org.illflow.copyright;

import java.util.Collection;
import java.util.List;
import java.util.Optional;

import org.springframework.data.jpa.repository.JpaRepository;
import org.springframework.data.jpa.repository.Query;
import org.springframework.data.repository.query.Param;

interface CopyrightRuleRepository extends JpaRepository<CopyrightRule, Long> {
}

interface JournalRuleRepository extends JpaRepository<JournalRule, Long> {

    Optional<JournalRule> findByIssn(String issn);

    @Query("select j from JournalRule j where j.issn in :issns or j.eissn in :issns order by j.id")
    List<JournalRule> findByAnyIssn(@Param("issns") Collection<String> issns);

    List<JournalRule> findAllByOrderByIssn();
}

interface CopyrightCopyRepository extends JpaRepository<CopyrightCopy, Long> {

    boolean existsByRequestId(Long requestId);

    /** Copies of the journal requested in {@code year}, of articles published since {@code since} (or undated). */
    @Query("select count(c) from CopyrightCopy c where c.requestYear = :year and c.requestId <> :self"
            + " and (c.issn in :issns or c.eissn in :issns) and (c.pubYear is null or c.pubYear >= :since)")
    long countRecent(@Param("issns") Collection<String> issns, @Param("year") int year, @Param("since") int since,
            @Param("self") long self);

    List<CopyrightCopy> findByRequestYear(int requestYear);
}
