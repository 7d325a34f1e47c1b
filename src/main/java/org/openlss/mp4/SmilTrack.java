package org.openlss.mp4;

import java.util.ArrayList;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import javax.xml.stream.XMLStreamReader;

/**
 * One {@code video}/{@code audio}/{@code textstream} element of a live server manifest: its
 * attributes and its {@code param} elements in document order. Param names are compared
 * case-insensitively, as encoders differ in case.
 */
public final class SmilTrack {
    /** More params than this on one track is not a real encoder. */
    public static final int MAX_PARAMS = 256;

    private final TrackType type;
    private final String systemBitrate;
    private final String systemLanguage;
    private final Map<String, String> params = new LinkedHashMap<>();

    SmilTrack(TrackType type, String systemBitrate, String systemLanguage) {
        this.type = type;
        this.systemBitrate = systemBitrate;
        this.systemLanguage = systemLanguage;
    }

    /** What a server manifest holds besides its tracks and their params. */
    interface ManifestVisitor {
        /** A track element, before its params. */
        void track(XMLStreamReader element);

        /** Any other element; {@code beforeTracks} while no track element has come yet. */
        void other(XMLStreamReader element, boolean beforeTracks);
    }

    /** The tracks of a live or on-demand server manifest (SMIL bytes, UTF-8 or UTF-16 with BOM); at least one. */
    static List<SmilTrack> parseAll(byte[] smil, String what, ManifestVisitor visitor) {
        List<SmilTrack> tracks = new ArrayList<>();
        SmilXml.read(smil, what, element -> {
            String name = element.getLocalName();
            TrackType type = TrackType.ofSmilElement(name);
            if (type != null) {
                if (tracks.size() == MovieHeader.MAX_TRACKS) {
                    throw BoxFormatException.malformed(what + " has more than " + MovieHeader.MAX_TRACKS + " tracks");
                }
                visitor.track(element);
                tracks.add(new SmilTrack(type, SmilXml.attribute(element, "systemBitrate"),
                        SmilXml.attribute(element, "systemLanguage")));
            } else if ("param".equals(name) && !tracks.isEmpty()) {
                String paramName = SmilXml.attribute(element, "name");
                if (paramName != null) {
                    tracks.get(tracks.size() - 1).addParam(paramName, SmilXml.attribute(element, "value"));
                }
            } else {
                visitor.other(element, tracks.isEmpty());
            }
        });
        if (tracks.isEmpty()) {
            throw BoxFormatException.malformed(what + " describes no track");
        }
        return tracks;
    }

    void addParam(String name, String value) {
        if (params.size() == MAX_PARAMS) {
            throw BoxFormatException.malformed("a SMIL track has more than " + MAX_PARAMS + " params");
        }
        params.put(name, value == null ? "" : value);
    }

    /** A copy with {@code defaults} added for the params this track lacks. */
    SmilTrack withDefaults(Map<String, String> defaults) {
        SmilTrack copy = new SmilTrack(type, systemBitrate, systemLanguage);
        params.forEach(copy::addParam);
        defaults.forEach((name, value) -> {
            if (copy.param(name) == null) {
                copy.addParam(name, value);
            }
        });
        return copy;
    }

    public TrackType type() {
        return type;
    }

    /** The {@code systemBitrate} attribute as written, or null. */
    public String systemBitrate() {
        return systemBitrate;
    }

    /** The {@code systemLanguage} attribute as written, or null. */
    public String systemLanguage() {
        return systemLanguage;
    }

    /** All params, names as written, in document order. */
    public Map<String, String> params() {
        return Collections.unmodifiableMap(params);
    }

    /** The value of the param named {@code name} in any case, or null; the first one wins. */
    public String param(String name) {
        for (Map.Entry<String, String> param : params.entrySet()) {
            if (param.getKey().equalsIgnoreCase(name)) {
                return param.getValue();
            }
        }
        return null;
    }

    /** A param that must be a non-negative integer; {@code fallback} when absent or empty. */
    public long number(String name, long fallback) {
        String value = param(name);
        return value == null || value.isBlank() ? fallback : parseNumber(value, name);
    }

    /** Parses a non-negative decimal below 2^63 without regex or NumberFormatException leaking. */
    static long parseNumber(String text, String name) {
        String value = text.strip();
        if (value.isEmpty() || value.length() > 18) {
            throw BoxFormatException.malformed("SMIL " + name + " '" + text + "' is not a number");
        }
        long result = 0;
        for (int i = 0; i < value.length(); i++) {
            char c = value.charAt(i);
            if (c < '0' || c > '9') {
                throw BoxFormatException.malformed("SMIL " + name + " '" + text + "' is not a number");
            }
            result = result * 10 + (c - '0');
        }
        return result;
    }
}
