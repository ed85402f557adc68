package org.illflow.notification;

import java.util.List;
import java.util.Optional;

import org.springframework.data.domain.Pageable;
import org.springframework.data.jpa.repository.JpaRepository;

interface NoticeRepository extends JpaRepository<NoticeRecord, Long> {

    Optional<NoticeRecord> findBySubjectKeyAndKind(String subjectKey, String kind);

    List<NoticeRecord> findAllByOrderByCreatedAtDescIdDesc(Pageable page);

    List<NoticeRecord> findBySubjectKeyOrderByCreatedAtAscIdAsc(String subjectKey);

    long countByStatus(NoticeStatus status);
}
