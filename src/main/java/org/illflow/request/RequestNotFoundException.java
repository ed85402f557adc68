package org.illflow.request;

import org.illflow.system.ApiRefusal;

/** No such request, or not one the caller may see: both answer 404, so numbers reveal nothing. */
public class RequestNotFoundException extends ApiRefusal {

    public RequestNotFoundException(String requestNumber) {
        super(404, "request.notFound", "No request " + requestNumber + ".");
    }
}
