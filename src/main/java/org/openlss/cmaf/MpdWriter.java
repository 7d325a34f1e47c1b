package org.openlss.cmaf;

import java.math.BigInteger;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.List;
import java.util.Locale;
import org.openlss.live.Timeline;
import org.openlss.mp4.TrackDescription;
import org.openlss.mp4.TrackType;
import org.openlss.player.SmoothUrl;

/**
 * The MPEG-DASH MPD (ISO/IEC 23009-1, DASH-IF live with {@code SegmentTimeline}) of a presentation: one Period at 0,
 * an AdaptationSet per stream whose {@code SegmentTimeline} is the Smooth timeline itself (same fragments; a gap
 * stays a gap: the entry after it carries its {@code t}; runs of equal contiguous fragments become one {@code S} with
 * {@code r}), and a Representation per quality level. Media time {@code anchor} is presentation time 0 in every
 * stream ({@code presentationTimeOffset}), so a 10-hour encoder timestamp plays from 0 too.
 */
public final class MpdWriter {
    private static final String PROFILES = "urn:mpeg:dash:profile:isoff-live:2011,urn:mpeg:dash:profile:cmaf:2019";

    /**
     * How the presentation maps to the clock.
     *
     * @param live               dynamic (the event goes on) or static (DVR-only, or an archive)
     * @param anchorTime         the media time that is presentation time 0, in {@code anchorTimescale} units
     * @param availabilityStart  the wall-clock time of presentation time 0 (dynamic only)
     * @param published          when this version of the MPD was made
     * @param window             the DVR window; zero keeps the whole event
     * @param lookahead          fragments the server holds back before listing one
     * @param timeUrl            where players read the server's time ({@code http-head}), relative to the MPD
     */
    public record Timing(boolean live, long anchorTime, long anchorTimescale, Instant availabilityStart,
                         Instant published, Duration window, int lookahead, String timeUrl) {
        /** {@code anchorTime} in a stream's {@code timescale}. */
        long anchorIn(long timescale) {
            return BigInteger.valueOf(anchorTime).multiply(BigInteger.valueOf(timescale))
                    .divide(BigInteger.valueOf(anchorTimescale)).longValueExact();
        }
    }

    private MpdWriter() {
    }

    /** The MPD of {@code streams} (those with no fragment yet are left out); null when none has a fragment. */
    public static byte[] write(List<CmafStream> streams, Timing timing) {
        List<CmafStream> listed = streams.stream().filter(s -> !s.timeline().isEmpty()).toList();
        if (listed.isEmpty()) {
            return null;
        }
        double longest = 0;
        double first = Double.MAX_VALUE;
        double end = 0;
        for (CmafStream stream : listed) {
            Timeline t = stream.timeline();
            for (long d : t.durations()) {
                longest = Math.max(longest, (double) d / stream.timescale());
            }
            double anchor = (double) timing.anchorIn(stream.timescale()) / stream.timescale();
            first = Math.min(first, (double) t.times()[0] / stream.timescale() - anchor);
            end = Math.max(end, (double) t.end() / stream.timescale() - anchor);
        }
        StringBuilder x = new StringBuilder(4096);
        x.append("<?xml version=\"1.0\" encoding=\"UTF-8\"?>\n");
        x.append("<MPD xmlns=\"urn:mpeg:dash:schema:mpd:2011\" profiles=\"").append(PROFILES).append('"');
        if (timing.live()) {
            double depth = timing.window().isZero() ? end - first : timing.window().toMillis() / 1000.0;
            x.append(" type=\"dynamic\" availabilityStartTime=\"").append(instant(timing.availabilityStart()))
                    .append("\" publishTime=\"").append(instant(timing.published()))
                    .append("\" minimumUpdatePeriod=\"").append(duration(longest))
                    .append("\" timeShiftBufferDepth=\"").append(duration(Math.max(depth, longest)))
                    .append("\" suggestedPresentationDelay=\"").append(duration(longest * (timing.lookahead() + 2)))
                    .append('"');
        } else {
            x.append(" type=\"static\" mediaPresentationDuration=\"").append(duration(end)).append('"');
        }
        x.append(" minBufferTime=\"").append(duration(longest)).append("\" maxSegmentDuration=\"")
                .append(duration(longest)).append("\">\n");
        x.append(" <Period id=\"0\" start=\"PT0S\">\n");
        for (int i = 0; i < listed.size(); i++) {
            adaptationSet(x, i, listed.get(i), timing.anchorIn(listed.get(i).timescale()));
        }
        x.append(" </Period>\n");
        if (timing.live()) {
            x.append(" <UTCTiming schemeIdUri=\"urn:mpeg:dash:utc:http-head:2014\" value=\"")
                    .append(escape(timing.timeUrl())).append("\"/>\n");
            x.append(" <UTCTiming schemeIdUri=\"urn:mpeg:dash:utc:direct:2014\" value=\"")
                    .append(instant(timing.published())).append("\"/>\n");
        }
        x.append("</MPD>\n");
        return x.toString().getBytes(StandardCharsets.UTF_8);
    }

    private static void adaptationSet(StringBuilder x, int id, CmafStream stream, long anchor) {
        boolean video = stream.type() == TrackType.VIDEO;
        x.append("  <AdaptationSet id=\"").append(id).append("\" contentType=\"").append(video ? "video" : "audio")
                .append("\" mimeType=\"").append(video ? "video/mp4" : "audio/mp4")
                .append("\" segmentAlignment=\"true\" startWithSAP=\"1\"");
        if (stream.language() != null) {
            x.append(" lang=\"").append(escape(stream.language())).append('"');
        }
        if (video) {
            x.append(" maxWidth=\"").append(stream.levels().stream().mapToInt(l -> l.description().maxWidth()).max()
                    .orElse(0)).append("\" maxHeight=\"").append(stream.levels().stream()
                    .mapToInt(l -> l.description().maxHeight()).max().orElse(0)).append('"');
        }
        x.append(">\n");
        String name = escape(stream.name().replace("$", "$$"));
        x.append("   <SegmentTemplate timescale=\"").append(stream.timescale())
                .append("\" presentationTimeOffset=\"").append(anchor)
                .append("\" initialization=\"QualityLevels($Bandwidth$)/Fragments(").append(name).append("=i,format=")
                .append(SmoothUrl.DASH_CMAF).append(")\" media=\"QualityLevels($Bandwidth$)/Fragments(").append(name)
                .append("=$Time$,format=").append(SmoothUrl.DASH_CMAF).append(")\">\n");
        x.append("    <SegmentTimeline>\n");
        timeline(x, stream.timeline());
        x.append("    </SegmentTimeline>\n   </SegmentTemplate>\n");
        for (int i = 0; i < stream.levels().size(); i++) {
            CmafStream.Level level = stream.levels().get(i);
            TrackDescription d = level.description();
            x.append("   <Representation id=\"").append(id).append('_').append(i).append("\" bandwidth=\"")
                    .append(level.bitrate()).append("\" codecs=\"").append(level.codecs()).append('"');
            if (video) {
                x.append(" width=\"").append(d.maxWidth()).append("\" height=\"").append(d.maxHeight())
                        .append("\"/>\n");
            } else {
                x.append(" audioSamplingRate=\"").append(d.samplingRate()).append("\">\n")
                        .append("    <AudioChannelConfiguration schemeIdUri=")
                        .append("\"urn:mpeg:dash:23003:3:audio_channel_configuration:2011\" value=\"")
                        .append(d.channels()).append("\"/>\n   </Representation>\n");
            }
        }
        x.append("  </AdaptationSet>\n");
    }

    /**
     * The {@code S} entries: {@code t} on the first and on every one that does not start where the previous ended (a
     * gap, or an overlap the ingest let through), {@code r} for a run of contiguous fragments of equal duration.
     */
    static void timeline(StringBuilder x, Timeline timeline) {
        long[] t = timeline.times();
        long[] d = timeline.durations();
        int i = 0;
        while (i < t.length) {
            boolean explicit = i == 0 || t[i - 1] + d[i - 1] != t[i];
            int run = 1;
            while (i + run < t.length && d[i + run] == d[i] && t[i + run - 1] + d[i + run - 1] == t[i + run]) {
                run++;
            }
            x.append("     <S");
            if (explicit) {
                x.append(" t=\"").append(t[i]).append('"');
            }
            x.append(" d=\"").append(d[i]).append('"');
            if (run > 1) {
                x.append(" r=\"").append(run - 1).append('"');
            }
            x.append("/>\n");
            i += run;
        }
    }

    private static String instant(Instant instant) {
        return instant.truncatedTo(ChronoUnit.MILLIS).toString();
    }

    private static String duration(double seconds) {
        return String.format(Locale.ROOT, "PT%.3fS", seconds);
    }

    private static String escape(String text) {
        return text.replace("&", "&amp;").replace("<", "&lt;").replace(">", "&gt;").replace("\"", "&quot;");
    }
}
