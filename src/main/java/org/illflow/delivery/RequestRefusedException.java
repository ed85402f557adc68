package org.illflow.delivery;

import org.illflow.system.ApiRefusal;

/** The request exists but cannot do what was asked in its state (e.g. cancel after delivery). */
public class RequestRefusedException extends ApiRefusal {

    public RequestRefusedException(int status, String messageKey, String englishMessage) {
        super(status, messageKey, englishMessage);
    }
}
