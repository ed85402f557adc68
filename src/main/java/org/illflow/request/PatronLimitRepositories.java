package org.illflow.request;

import java.util.List;
import java.util.Optional;

import org.springframework.data.jpa.repository.JpaRepository;

interface PatronLimitRepository extends JpaRepository<PatronLimit, Long> {

    Optional<PatronLimit> findByPatronTypeAndCollege(String patronType, String college);

    List<PatronLimit> findAllByOrderByPatronTypeAscCollegeAsc();
}

interface RequestPolicyRepository extends JpaRepository<RequestPolicy, Long> {
}
