package org.illflow.iso18626;

import java.util.List;
import java.util.Optional;

import org.springframework.data.jpa.repository.JpaRepository;

interface Iso18626PeerRepository extends JpaRepository<Iso18626Peer, Long> {

    Optional<Iso18626Peer> findByCode(String code);

    Optional<Iso18626Peer> findByAgencyIdTypeAndAgencyIdValue(String type, String value);

    Optional<Iso18626Peer> findBySupplierId(Long supplierId);

    List<Iso18626Peer> findAllByOrderByCode();
}
