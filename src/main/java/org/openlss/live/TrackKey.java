package org.openlss.live;

import java.util.Map;
import java.util.TreeMap;
import org.openlss.mp4.TrackType;

/**
 * The identity of a quality level in the client manifest: type, stream name, bitrate and custom attributes. Fragments
 * are de-duplicated by this identity and time, whichever input stream (redundant encoder) carried them.
 */
public record TrackKey(TrackType type, String name, long bitrate, Map<String, String> customAttributes) {
    public TrackKey {
        customAttributes = Map.copyOf(customAttributes);
    }

    /** File-system safe and unique: used as the folder of the track's fragment store. */
    public String folderName() {
        StringBuilder s = new StringBuilder(type.manifestType()).append('_').append(safe(name)).append('_').append(bitrate);
        new TreeMap<>(customAttributes).forEach((k, v) -> s.append('_').append(safe(k)).append('-').append(safe(v)));
        return s.toString();
    }

    private static String safe(String text) {
        StringBuilder s = new StringBuilder();
        for (char c : text.toCharArray()) {
            s.append(Character.isLetterOrDigit(c) && c < 128 || c == '-' || c == '.' ? c : '_');
        }
        return s.toString();
    }
}
