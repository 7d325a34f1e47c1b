package org.openlss.pubpoint.rest;

/** The two representations of every management resource, and the definition file of a point. */
final class ManagementMediaTypes {
    static final String ATOM = "application/atom+xml";
    static final String JSON = "application/json";
    /** The IIS publishing point definition file ({@code .isml}), imported and exported. */
    static final String SMIL = "application/smil+xml";

    private ManagementMediaTypes() {
    }
}
