package org.openlss.web;

/**
 * What the edge decided about a request: let it through (as {@code caller}, or anonymously when that is null), or
 * it was answered already (401, a redirect to the sign-in page).
 */
record Access(boolean answered, Caller caller, String authType) {
    static final Access ANONYMOUS = new Access(false, null, null);
    static final Access ANSWERED = new Access(true, null, null);

    static Access as(Caller caller, String authType) {
        return new Access(false, caller, authType);
    }
}
