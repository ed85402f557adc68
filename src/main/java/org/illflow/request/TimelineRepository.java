package org.illflow.request;

import java.util.List;

import org.springframework.data.jpa.repository.JpaRepository;
import org.springframework.data.repository.NoRepositoryBean;

/** A service's timeline table, read in the order things happened. */
@NoRepositoryBean
public interface TimelineRepository<E extends TimelineEntry> extends JpaRepository<E, Long> {

    List<E> findByRequestIdOrderByOccurredAtAscIdAsc(Long requestId);
}
