package org.illflow.archive;

import java.util.List;

import org.springframework.data.jpa.repository.JpaRepository;

interface ArchivedCitationRepository extends JpaRepository<ArchivedCitation, Long> {

    List<ArchivedCitation> findByDoiKeyOrderByIdDesc(String doiKey);

    List<ArchivedCitation> findByTitleKeyAndYearOrderByIdDesc(String titleKey, Integer year);
}
