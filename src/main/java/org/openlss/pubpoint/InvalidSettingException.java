package org.openlss.pubpoint;

/** A management request named a value that is out of range or malformed; {@link #field()} says which one. */
public class InvalidSettingException extends ManagementException {
    private static final long serialVersionUID = 1L;
    private final String field;
    private final String problem;

    public InvalidSettingException(String field, String problem) {
        this(ErrorCode.MPE_MGMT_INVALID_DATA, field, problem);
    }

    public InvalidSettingException(ErrorCode code, String field, String problem) {
        super(code, field + ": " + problem);
        this.field = field;
        this.problem = problem;
    }

    public String field() {
        return field;
    }

    /** What is wrong, without the field name. */
    public String problem() {
        return problem;
    }
}
