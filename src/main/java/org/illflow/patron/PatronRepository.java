package org.illflow.patron;

import java.util.Optional;

import org.springframework.data.jpa.repository.JpaRepository;

interface PatronRepository extends JpaRepository<Patron, Long> {

    Optional<Patron> findByCardNumber(String cardNumber);

    boolean existsByCardNumberIgnoreCase(String cardNumber);

    boolean existsByEmailIgnoreCase(String email);
}
