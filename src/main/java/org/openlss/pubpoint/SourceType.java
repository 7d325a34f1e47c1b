package org.openlss.pubpoint;

/** How a publishing point receives its streams: encoders or upstream servers POST to it, or it GETs from upstream. */
public enum SourceType {
    Push, Pull;

    public static SourceType parse(String field, String value) {
        for (SourceType type : values()) {
            if (type.name().equalsIgnoreCase(value == null ? "" : value.trim())) {
                return type;
            }
        }
        throw new InvalidSettingException(field, "'" + value + "' is not a source type; use Push or Pull");
    }
}
