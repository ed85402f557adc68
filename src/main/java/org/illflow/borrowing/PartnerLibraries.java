package org.illflow.borrowing;

import java.util.Optional;

import org.illflow.iso18626.Iso18626Peer;
import org.illflow.iso18626.Iso18626Peers;
import org.illflow.supplier.PartnerSuppliers;
import org.illflow.supplier.SupplierCatalog;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * Which suppliers and lenders are ISO 18626 partner libraries: a partner registration ({@code iso18626_peer})
 * points to the supplier row whose prices and terms apply. Only an active partner is sent new requests; messages
 * about a request already sent still go to its partner when it was deactivated meanwhile.
 */
@Service
@Transactional(readOnly = true)
public class PartnerLibraries implements PartnerSuppliers {

    private final SupplierCatalog suppliers;
    private final Iso18626Peers peers;

    PartnerLibraries(SupplierCatalog suppliers, Iso18626Peers peers) {
        this.suppliers = suppliers;
        this.peers = peers;
    }

    @Override
    public boolean isPartner(String lenderCode) {
        return activePartner(lenderCode).isPresent();
    }

    /** The active partner registration of this supplier or lender, if it has one. */
    public Optional<Iso18626Peer> activePartner(String supplierCode) {
        return partner(supplierCode).filter(Iso18626Peer::isActive);
    }

    /** The partner registration of this supplier or lender, active or not. */
    public Optional<Iso18626Peer> partner(String supplierCode) {
        return supplierCode == null ? Optional.empty()
                : suppliers.byCode(supplierCode).flatMap(supplier -> peers.bySupplier(supplier.getId()));
    }

    /** The supplier code of a partner (null when it has no supplier row: it only borrows from us). */
    public String supplierCode(Iso18626Peer peer) {
        return peer.getSupplierId() == null ? null : suppliers.all().stream()
                .filter(s -> s.getId().equals(peer.getSupplierId())).map(s -> s.getCode()).findFirst().orElse(null);
    }
}
