package org.illflow.patron;

import java.util.List;

import org.springframework.data.jpa.repository.JpaRepository;

interface ActivationCodeRepository extends JpaRepository<ActivationCode, Long> {

    List<ActivationCode> findByPatronIdAndUsedAtIsNull(Long patronId);
}
