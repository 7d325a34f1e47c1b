package org.openlss.pubpoint.rest;

import jakarta.json.JsonArray;
import jakarta.json.JsonNumber;
import jakarta.json.JsonObject;
import jakarta.json.JsonString;
import jakarta.json.JsonValue;
import java.time.Duration;
import java.util.List;
import org.openlss.pubpoint.ErrorCode;
import org.openlss.pubpoint.InvalidSettingException;

/**
 * Typed, strict access to the members of a JSON request object: unknown members and wrong types are refused with the
 * member's full path ({@code settings.archive.segmentLength}) and what it takes; absent or null members take the given
 * default.
 */
final class JsonFields {
    private final JsonObject object;
    private final String path;

    JsonFields(JsonValue value, String path, String... allowed) {
        if (value.getValueType() != JsonValue.ValueType.OBJECT) {
            throw wrongType(path, "an object");
        }
        this.object = value.asJsonObject();
        this.path = path;
        for (String key : object.keySet()) {
            if (!List.of(allowed).contains(key)) {
                throw new InvalidSettingException(ErrorCode.MPE_MGMT_INVALID_SCHEMA, name(key),
                        "unknown member; expected one of " + String.join(", ", allowed));
            }
        }
    }

    boolean has(String key) {
        JsonValue v = object.get(key);
        return v != null && v.getValueType() != JsonValue.ValueType.NULL;
    }

    JsonValue value(String key) {
        return object.get(key);
    }

    String name(String key) {
        return path.isEmpty() ? key : path + "." + key;
    }

    String string(String key, String otherwise) {
        return text(key, "a string", otherwise);
    }

    private String text(String key, String expected, String otherwise) {
        if (!has(key)) {
            return otherwise;
        }
        JsonValue v = object.get(key);
        if (v.getValueType() != JsonValue.ValueType.STRING) {
            throw wrongType(name(key), expected);
        }
        return ((JsonString) v).getString();
    }

    boolean bool(String key, boolean otherwise) {
        if (!has(key)) {
            return otherwise;
        }
        JsonValue v = object.get(key);
        if (v == JsonValue.TRUE) {
            return true;
        }
        if (v == JsonValue.FALSE) {
            return false;
        }
        throw wrongType(name(key), "true or false");
    }

    long integer(String key, long otherwise) {
        if (!has(key)) {
            return otherwise;
        }
        JsonValue v = object.get(key);
        if (v.getValueType() != JsonValue.ValueType.NUMBER || !((JsonNumber) v).isIntegral()) {
            throw wrongType(name(key), "a whole number such as 2");
        }
        try {
            return ((JsonNumber) v).longValueExact();
        } catch (ArithmeticException e) {
            throw new InvalidSettingException(name(key), v + " is out of range");
        }
    }

    Duration duration(String key, Duration otherwise) {
        String text = text(key, "a duration string such as \"PT30M\" or \"PT1H15M30.5S\"", null);
        return text == null ? otherwise : Values.duration(name(key), text);
    }

    JsonArray array(String key) {
        if (!has(key)) {
            return JsonValue.EMPTY_JSON_ARRAY;
        }
        JsonValue v = object.get(key);
        if (v.getValueType() != JsonValue.ValueType.ARRAY) {
            throw wrongType(name(key), "an array of objects");
        }
        return v.asJsonArray();
    }

    static InvalidSettingException wrongType(String name, String expected) {
        return new InvalidSettingException(ErrorCode.MPE_MGMT_INVALID_SCHEMA, name, "must be " + expected);
    }
}
