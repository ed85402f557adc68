package org.illflow.portal;

import java.util.List;

import org.springframework.data.jpa.repository.JpaRepository;

interface SelfServiceResourceRepository extends JpaRepository<SelfServiceResource, Long> {

    List<SelfServiceResource> findAllByOrderByPositionAscIdAsc();
}
