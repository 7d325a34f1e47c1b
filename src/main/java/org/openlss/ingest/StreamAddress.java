package org.openlss.ingest;

import java.net.URLDecoder;
import java.nio.charset.StandardCharsets;
import java.util.Optional;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * The stream part of an ingest URL: {@code Streams(<id>)} or {@code Events(<event>)/Streams(<id>)}, keywords in any
 * case, identifiers percent-decoded. Identifiers are names in statistics and files, so they are kept printable.
 */
public record StreamAddress(String eventId, String streamId) {
    private static final Pattern FORM = Pattern.compile(
            "(?i:events\\(([^()/]*)\\)/)?(?i:streams)\\(([^()/]+)\\)/?");
    private static final int MAX_ID = 128;

    /** Parses the resource after {@code .isml/}; empty when it is not a stream address. */
    public static Optional<StreamAddress> parse(String resource) {
        Matcher m = FORM.matcher(resource);
        if (!m.matches()) {
            return Optional.empty();
        }
        try {
            String event = m.group(1) == null ? "" : decode(m.group(1));
            String stream = decode(m.group(2));
            return valid(event) && valid(stream) && !stream.isEmpty()
                    ? Optional.of(new StreamAddress(event, stream)) : Optional.empty();
        } catch (IllegalArgumentException e) {
            return Optional.empty();
        }
    }

    private static String decode(String s) {
        return URLDecoder.decode(s.replace("+", "%2B"), StandardCharsets.UTF_8);
    }

    private static boolean valid(String id) {
        return id.length() <= MAX_ID && id.chars().noneMatch(c -> c < 0x20 || c == 0x7f || c == '/' || c == '\\');
    }

    @Override
    public String toString() {
        return (eventId.isEmpty() ? "" : "Events(" + eventId + ")/") + "Streams(" + streamId + ")";
    }
}
