package org.openlss.admin;

import jakarta.faces.context.FacesContext;
import jakarta.faces.view.ViewScoped;
import jakarta.inject.Inject;
import jakarta.inject.Named;
import java.io.Serializable;
import java.time.LocalTime;
import java.time.temporal.ChronoUnit;
import java.util.List;
import org.openlss.pubpoint.ManagementException;
import org.openlss.pubpoint.PublishingPoint;
import org.openlss.pubpoint.PublishingPointPath;
import org.openlss.pubpoint.PublishingPointStatistics;
import org.openlss.pubpoint.PublishingPoints;
import org.openlss.pubpoint.StatisticsSource;
import org.openlss.stats.ConnectionTree;
import org.openlss.stats.StreamSummary;

/**
 * The Publishing Point Details page ({@code details.xhtml?point=live/channel1.isml}): stream summary, track details and
 * connection details from the same statistics as the REST API, refreshed by the page every two seconds.
 */
@Named
@ViewScoped
public class DetailsPage implements Serializable {
    private static final long serialVersionUID = 1L;

    /** Beyond this many streams their track tables start collapsed, so that the page stays readable. */
    static final int OPEN_STREAMS = 8;

    /** A track of an input stream, with the stream it belongs to. */
    public record TrackLine(PublishingPointStatistics.InputStream stream, PublishingPointStatistics.Track track) {
        public long encodedKbps() {
            return StreamSummary.kbps(track.encodedBitRate());
        }

        public long incomingKbps() {
            return StreamSummary.kbps(track.incomingBitRate());
        }
    }

    /** An input stream with its tracks: a group of the Track Details that opens and closes as a whole. */
    public record StreamGroup(PublishingPointStatistics.InputStream stream, List<TrackLine> tracks) {
    }

    @Inject
    PublishingPoints points;
    @Inject
    StatisticsSource statistics;

    private String path;
    private transient PublishingPoint point;
    private transient String problem;
    private transient StreamSummary summary;
    private transient List<StreamGroup> streams;
    private transient ConnectionTree connections;
    private transient String updatedAt;
    private transient Preview preview;

    /** Before every rendering, the full page or a refresh: the figures as they are now. */
    public void load() {
        problem = null;
        try {
            point = points.get(PublishingPointPath.of(path));
        } catch (ManagementException e) {
            point = null;
            problem = e.getMessage();
        }
        PublishingPointStatistics figures = point == null ? PublishingPointStatistics.EMPTY : statistics.current(point);
        summary = StreamSummary.of(figures);
        streams = figures.inputStreams().stream()
                .map(s -> new StreamGroup(s, s.tracks().stream().map(t -> new TrackLine(s, t)).toList())).toList();
        connections = ConnectionTree.of(figures);
        updatedAt = LocalTime.now().truncatedTo(ChronoUnit.SECONDS).toString();
        preview = point == null ? null : Preview.ofPoint(
                FacesContext.getCurrentInstance().getExternalContext().getRequestContextPath(), point);
    }

    /** The formats the Preview card offers for the point (outside the refreshed parts: read on the full page). */
    public Preview getPreview() {
        return preview;
    }

    /** When the figures were read (server time), so a refresh shows. */
    public String getUpdatedAt() {
        return updatedAt;
    }

    public PublishingPoint getPoint() {
        return point;
    }

    /** Why there is nothing to show: the point is gone, or the path names none. */
    public String getProblem() {
        return problem;
    }

    public StreamSummary getSummary() {
        return summary;
    }

    public List<StreamGroup> getStreams() {
        return streams;
    }

    /** Whether the stream groups start open: with many streams they start closed and show one line each. */
    public boolean isStreamsOpen() {
        return streams.size() <= OPEN_STREAMS;
    }

    public ConnectionTree getConnections() {
        return connections;
    }

    public String getPath() {
        return path;
    }

    public void setPath(String path) {
        this.path = path;
    }
}
