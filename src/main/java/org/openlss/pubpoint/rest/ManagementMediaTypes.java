package org.openlss.pubpoint.rest;

/** The two representations of every management resource. */
final class ManagementMediaTypes {
    static final String ATOM = "application/atom+xml";
    static final String JSON = "application/json";

    private ManagementMediaTypes() {
    }
}
