package org.openlss.pubpoint;

/** The IIS Media Services management error codes: the HRESULT a client sees and the HTTP status that carries it. */
public enum ErrorCode {
    MPE_MGMT_METHOD_NOT_ALLOWED(0x80880020, 405),
    MPE_MGMT_CONTENT_TYPE_NOT_SUPPORTED(0x80880021, 415),
    MPE_MGMT_AUTHENTICATION_IS_REQUIRED(0x80880022, 401),
    MPE_MGMT_ACCESS_DENIED(0x80880023, 401),
    MPE_MGMT_INVALID_SCHEMA(0x80880024, 400),
    MPE_MGMT_INVALID_XML(0x80880025, 400),
    MPE_MGMT_INVALID_DATA(0x80880026, 400),
    MPE_MGMT_STATE_TRANSITION_NOT_SUPPORTED(0x80880027, 400),
    MPE_MGMT_STATE_TRANSITION_INVALID(0x80880028, 400),
    MPE_MGMT_PUBLISHING_POINT_IN_USE(0x80880029, 400),
    MPE_MGMT_PUBLISHING_POINT_LOCKED(0x8088002A, 400),
    MPE_MGMT_PUBLISHING_POINT_ALREADY_EXISTS(0x8088002B, 400),
    MPE_MGMT_SLUG_HEADER_REQUIRED(0x8088002C, 400),
    MPE_MGMT_SLUG_HEADER_INVALID(0x8088002D, 400),
    MPE_MGMT_PUBLISHING_POINT_NOT_FOUND(0x8088002E, 404),
    MPE_MGMT_PUBLISHING_POINT_NOT_STARTED(0x8088002F, 400),
    /** Ours: a stored credential that does not exist, or one still in use. */
    MPE_MGMT_CREDENTIAL_NOT_FOUND(0x80880030, 404),
    MPE_MGMT_CREDENTIAL_IN_USE(0x80880031, 400),
    MPE_MGMT_CREDENTIAL_ALREADY_EXISTS(0x80880032, 400),
    /** Ours: sign-ins refused for a while after too many failed ones (with {@code Retry-After}). */
    MPE_MGMT_TOO_MANY_SIGN_IN_FAILURES(0x80880033, 429),
    /** Ours: the caller's role may not do this action (or not at this point). */
    MPE_MGMT_ACTION_NOT_ALLOWED(0x80880034, 403),
    /** Ours: an account that does not exist, one that already does, or a change leaving no administrator. */
    MPE_MGMT_ACCOUNT_NOT_FOUND(0x80880035, 404),
    MPE_MGMT_ACCOUNT_ALREADY_EXISTS(0x80880036, 409),
    MPE_MGMT_LAST_ADMINISTRATOR(0x80880037, 409),
    /** Any other failure. */
    MPE_MGMT_INTERNAL_ERROR(0x80004005, 500);

    private final int hresult;
    private final int httpStatus;

    ErrorCode(int hresult, int httpStatus) {
        this.hresult = hresult;
        this.httpStatus = httpStatus;
    }

    public String hresult() {
        return String.format("0x%08X", hresult);
    }

    public int httpStatus() {
        return httpStatus;
    }
}
