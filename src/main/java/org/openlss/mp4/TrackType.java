package org.openlss.mp4;

/** The kind of a track, with its names in the live server manifest (SMIL) and in the client manifest. */
public enum TrackType {
    VIDEO("video", "video", "video"),
    AUDIO("audio", "audio", "audio"),
    TEXT("textstream", "text", "textstream");

    private final String smilElement;
    private final String manifestType;
    private final String defaultTrackName;

    TrackType(String smilElement, String manifestType, String defaultTrackName) {
        this.smilElement = smilElement;
        this.manifestType = manifestType;
        this.defaultTrackName = defaultTrackName;
    }

    /** Element name in the SMIL {@code switch}. */
    public String smilElement() {
        return smilElement;
    }

    /** {@code StreamIndex@Type} in the client manifest. */
    public String manifestType() {
        return manifestType;
    }

    /** The trackName when the SMIL gives none. */
    public String defaultTrackName() {
        return defaultTrackName;
    }

    /** The type of a SMIL element name, or null for elements that are not tracks. */
    public static TrackType ofSmilElement(String name) {
        for (TrackType type : values()) {
            if (type.smilElement.equals(name)) {
                return type;
            }
        }
        return "text".equals(name) ? TEXT : null;
    }

    /** The type a moov hdlr implies: vide, soun, else text (text, sbtl, meta, subt, …). */
    public static TrackType ofHandler(String handler) {
        return "vide".equals(handler) ? VIDEO : "soun".equals(handler) ? AUDIO : TEXT;
    }
}
