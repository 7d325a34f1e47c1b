package org.openlss.pubpoint;

import java.util.Locale;
import java.util.Optional;

/**
 * A request path split at the publishing point: {@code /live/channel1.isml/QualityLevels(..)/Fragments(..)} gives the
 * point {@code live/channel1.isml} and the resource {@code QualityLevels(..)/Fragments(..)} (empty for the point
 * itself). The {@code .isml} suffix is matched case-insensitively, as IIS did.
 */
public record PublishingPointUrl(PublishingPointPath point, String resource) {

    /** The split of a decoded servlet path, if it names a publishing point of a valid path. */
    public static Optional<PublishingPointUrl> parse(String path) {
        if (path == null || path.length() < 2 || path.charAt(0) != '/') {
            return Optional.empty();
        }
        String lower = path.toLowerCase(Locale.ROOT);
        int at = lower.indexOf(".isml");
        while (at >= 0) {
            int end = at + ".isml".length();
            if (end == path.length() || path.charAt(end) == '/') {
                try {
                    PublishingPointPath point = PublishingPointPath.of(path.substring(0, end));
                    String resource = end == path.length() ? "" : path.substring(end + 1);
                    return Optional.of(new PublishingPointUrl(point, resource));
                } catch (InvalidSettingException e) {
                    return Optional.empty();
                }
            }
            at = lower.indexOf(".isml", end);
        }
        return Optional.empty();
    }

    /** The management resources IIS serves at the point's own URL: settings, state, statistics. */
    public boolean isManagement() {
        return resource.equalsIgnoreCase("settings") || resource.equalsIgnoreCase("state")
                || resource.equalsIgnoreCase("statistics") || resource.equalsIgnoreCase("events");
    }

    /** What a downstream server pulls: a stream, or the list of streams ({@code streammanifest}). */
    public boolean isStreamSource() {
        return isStream() || resource.equalsIgnoreCase("streammanifest");
    }

    /** An encoder or upstream push: {@code [Events(e)/]Streams(id)}. */
    public boolean isStream() {
        String r = resource.toLowerCase(Locale.ROOT);
        return r.startsWith("streams(") || (r.startsWith("events(") && r.contains("/streams("));
    }
}
