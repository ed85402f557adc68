package org.illflow.supplier;

import java.util.Collection;
import java.util.List;
import java.util.Optional;

import org.springframework.data.jpa.repository.JpaRepository;

interface SupplierRepository extends JpaRepository<Supplier, Long> {

    Optional<Supplier> findByCode(String code);

    List<Supplier> findAllByOrderByCodeAsc();

    List<Supplier> findByActiveTrueOrderByCodeAsc();

    List<Supplier> findByCodeIn(Collection<String> codes);
}
