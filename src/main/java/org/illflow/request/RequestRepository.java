package org.illflow.request;

import java.util.List;
import java.util.Optional;

import org.springframework.data.domain.Limit;
import org.springframework.data.jpa.repository.JpaRepository;
import org.springframework.data.repository.NoRepositoryBean;

/** The queries every request table answers, article or book (each service's repository adds its own). */
@NoRepositoryBean
public interface RequestRepository<R extends RequestBasics> extends JpaRepository<R, Long> {

    Optional<R> findByRequestNumber(String requestNumber);

    List<R> findByPatronCardNumberOrderBySubmittedAtDescIdDesc(String patronCardNumber);

    /** The newest of a patron's requests, as many as the page asks (indexed by patron). */
    List<R> findByPatronCardNumberOrderBySubmittedAtDescIdDesc(String patronCardNumber, Limit limit);

    long countByPatronCardNumber(String patronCardNumber);
}
