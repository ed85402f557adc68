package org.illflow.supplier;

/** A stored supplier password cannot be read: the key changed, or the stored value is damaged. */
public class SupplierCredentialException extends RuntimeException {

    SupplierCredentialException(String message) {
        super(message);
    }
}
