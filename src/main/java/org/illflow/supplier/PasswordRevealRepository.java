package org.illflow.supplier;

import java.util.List;

import org.springframework.data.domain.Pageable;
import org.springframework.data.jpa.repository.JpaRepository;

interface PasswordRevealRepository extends JpaRepository<PasswordReveal, Long> {

    List<PasswordReveal> findAllByOrderByRevealedAtDescIdDesc(Pageable page);

    List<PasswordReveal> findBySupplierCodeOrderByRevealedAtDescIdDesc(String supplierCode, Pageable page);
}
