package org.openlss.pubpoint.rest;

import java.util.Locale;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Where a field the model names sits in each representation. The model names its fields in Atom terms relative to
 * the resource element ({@code Archive/SegmentLength}, {@code HLS/Encryption/Key}, {@code PushTo[2]@credentialName}),
 * as the admin screens use them; a client is told the full path in the document it sent.
 */
final class ModelFields {
    /** An entry of a URL list: {@code PullFrom[1]}, optionally with {@code @credentialName}. */
    private static final Pattern LISTED_URL = Pattern.compile("(PullFrom|PushTo)\\[(\\d+)](@credentialName)?");
    private static final String HLS = "HLS/";

    private ModelFields() {
    }

    /**
     * The Atom path below {@code SmoothStreaming}: {@code Settings/Archive/SegmentLength},
     * {@code Settings/Modules/Module/HLS/SegmentLength},
     * {@code Settings/PushTo/PublishingPoints/PublishingPoint[2]@credentialName}.
     */
    static String atom(String resource, String field) {
        Matcher url = LISTED_URL.matcher(field);
        if (url.matches()) {
            return resource + "/" + url.group(1) + "/PublishingPoints/PublishingPoint[" + url.group(2) + "]"
                    + (url.group(3) == null ? "" : url.group(3));
        }
        return resource + "/" + (field.startsWith(HLS) ? "Modules/Module/" : "") + field;
    }

    /**
     * The JSON path, members in camel case and array entries from 0: {@code settings.archive.segmentLength},
     * {@code settings.hls.encryption.key}, {@code settings.pushTo[1].credentialName}.
     */
    static String json(String resource, String field) {
        Matcher url = LISTED_URL.matcher(field);
        if (url.matches()) {
            return resource + "." + camel(url.group(1)) + "[" + (Integer.parseInt(url.group(2)) - 1) + "]."
                    + (url.group(3) == null ? "url" : "credentialName");
        }
        StringBuilder path = new StringBuilder(resource);
        for (String part : field.split("[/@]")) {
            path.append('.').append(camel(part));
        }
        return path.toString();
    }

    /** {@code SegmentLength} as {@code segmentLength}; an acronym ({@code HLS}) all lower case. */
    private static String camel(String name) {
        return name.equals(name.toUpperCase(Locale.ROOT)) ? name.toLowerCase(Locale.ROOT)
                : Character.toLowerCase(name.charAt(0)) + name.substring(1);
    }
}
