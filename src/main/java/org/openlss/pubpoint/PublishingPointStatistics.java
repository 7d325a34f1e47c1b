package org.openlss.pubpoint;

import java.time.Duration;
import java.util.List;

/**
 * What the statistics resource and the Details screen report for a running publishing point: every input stream with
 * its source and tracks, the output streams offered to clients, and where the archive goes.
 */
public record PublishingPointStatistics(List<InputStream> inputStreams, List<OutputStream> outputStreams,
                                        List<Destination> destinations, String archivePath, String archiveUrl) {
    public static final PublishingPointStatistics EMPTY =
            new PublishingPointStatistics(List.of(), List.of(), List.of(), null, null);

    /**
     * One incoming stream ({@code Streams(id)}).
     *
     * @param state      Idle, Started or Stopped
     * @param sourceType Push (posted to us) or Pull (we request it)
     * @param sinks      outputs fed from it: "IIS Smooth Streaming", "Apple HTTP Live Streaming", ...
     */
    public record InputStream(String id, String state, String archiveFileName, String sourceType, String sourceHost,
                              List<String> sinks, List<Track> tracks) {
        public String sourceName() {
            return "Pull".equals(sourceType) ? "HTTP Pull" : "HTTP Push";
        }
    }

    /**
     * One track of an input stream; times in the track's timescale, rates in bits and requests per second.
     */
    public record Track(String id, String type, String name, long encodedBitRate, long incomingBitRate,
                        Duration incomingFragmentWaitTime, long incomingFragmentTimeStamp,
                        long incomingFragmentDuration, double requestRate, long fragmentsIngested,
                        long fragmentsServed, long bytesIngested, long bytesServed, Duration maxLateArrival) {
    }

    /** A stream as clients see it (a StreamIndex), with the newest fragment time offered to them. */
    public record OutputStream(String name, long lastOutputFragmentTimestamp) {
    }

    /**
     * Where the point delivers to: a host and the output type ("IIS Smooth Streaming", "Apple HTTP Live Streaming",
     * "HTTP Push", "HTTP Pull", ...), with the stream names it receives and how many clients (player addresses seen
     * lately, or 1 for a server connection) it serves.
     */
    public record Destination(String host, String outputType, List<String> streams, String status, int clients) {
    }
}
