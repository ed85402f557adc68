package org.illflow.catalog;

import java.util.List;

import org.springframework.data.jpa.repository.JpaRepository;
import org.springframework.data.jpa.repository.Modifying;
import org.springframework.data.jpa.repository.Query;
import org.springframework.data.repository.query.Param;

interface EJournalHoldingRepository extends JpaRepository<EJournalHolding, Long> {

    @Query("select h from EJournalHolding h where h.printIssn in :issns or h.onlineIssn in :issns")
    List<EJournalHolding> findByIssn(@Param("issns") List<String> issns);

    List<EJournalHolding> findByTitleKey(String titleKey);

    @Query("select count(h) > 0 from EJournalHolding h where (h.printIssn in :issns or h.onlineIssn in :issns)"
            + " and h.accessType = 'F'")
    boolean anyFreeByIssn(@Param("issns") java.util.Collection<String> issns);

    @Query("select h.printIssn, h.onlineIssn from EJournalHolding h where h.printIssn is not null"
            + " and h.onlineIssn is not null and (h.printIssn in :issns or h.onlineIssn in :issns)")
    List<Object[]> issnPairs(@Param("issns") java.util.Collection<String> issns);

    @Modifying
    @Query("delete from EJournalHolding h where h.source = :source")
    int deleteBySource(@Param("source") String source);

    long countBySource(String source);

    List<EJournalHolding> findByPackageKey(String packageKey);

    @Modifying
    @Query("delete from EJournalHolding h where h.packageKey = :packageKey")
    int deleteByPackageKey(@Param("packageKey") String packageKey);
}

interface PrintHoldingRepository extends JpaRepository<PrintHoldingRecord, Long> {

    @Query("select distinct i.holding from PrintHoldingIdentifier i where i.value in :values")
    List<PrintHoldingRecord> findByIdentifier(@Param("values") List<String> values);

    List<PrintHoldingRecord> findByTitleKey(String titleKey);

    List<PrintHoldingRecord> findBySource(String source);

    List<PrintHoldingRecord> findByHoldingKeyIn(java.util.Collection<String> holdingKeys);

    long countBySource(String source);
}
