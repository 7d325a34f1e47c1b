package org.openlss.admin;

import jakarta.faces.view.ViewScoped;
import jakarta.inject.Inject;
import jakarta.inject.Named;
import java.io.Serializable;
import java.util.List;
import org.openlss.pubpoint.BehaviourErrors;
import org.openlss.pubpoint.ManagementException;
import org.openlss.pubpoint.PublishingPointPath;
import org.openlss.pubpoint.PublishingPointState;
import org.openlss.pubpoint.PublishingPointStatistics;
import org.openlss.pubpoint.PublishingPoints;
import org.openlss.pubpoint.StatisticsSource;
import org.openlss.stats.StreamSummary;
import org.openlss.web.Permissions.Kind;

/**
 * The Live Smooth Streaming Publishing Points page: every point with its status per behaviour, the actions for the
 * selected one ({@code ?point=live/channel1.isml}) and its summary. Refreshed by the page every two seconds.
 */
@Named
@ViewScoped
public class PointsPage implements Serializable {
    private static final long serialVersionUID = 1L;

    @Inject
    PublishingPoints points;
    @Inject
    BehaviourErrors errors;
    @Inject
    StatisticsSource statistics;
    @Inject
    ScreenUser user;

    private String selected;
    private transient List<PointRow> rows;
    private transient PointRow selection;
    private transient StreamSummary summary;

    /** Before every rendering, the full page or a refresh: the figures as they are now. */
    public void load() {
        rows = points.all().stream().map(p -> new PointRow(p, errors.status(p))).toList();
        selection = rows.stream().filter(r -> r.path().equals(selected)).findFirst().orElse(null);
        summary = null;
        if (selection != null) {
            PublishingPointStatistics figures = statistics.current(selection.point());
            summary = StreamSummary.of(figures);
            selection = new PointRow(selection.point(),
                    selection.status().withArchive(figures.archivePath(), figures.archiveUrl()));
        }
    }

    public String start() {
        return request(PublishingPointState.Started, "started; it waits for its encoder");
    }

    public String stopLiveSource() {
        return request(PublishingPointState.Stopped, "stopped: DVR-only");
    }

    public String shutDown() {
        return request(PublishingPointState.Idle, "shut down");
    }

    public String delete() {
        try {
            PublishingPointPath path = PublishingPointPath.of(selected);
            user.require(Kind.SETTINGS, path);
            points.delete(path);
            Messages.infoAfterRedirect("Deleted " + path.urlPath() + ".");
            return "index?faces-redirect=true";
        } catch (ManagementException e) {
            Messages.error(e.getMessage());
            return null;
        }
    }

    /** The selected point asks for {@code target}; the service refuses what the lifecycle does not allow. */
    private String request(PublishingPointState target, String done) {
        try {
            PublishingPointPath path = PublishingPointPath.of(selected);
            user.require(Kind.LIFECYCLE, path);
            points.requestState(path, target);
            Messages.infoAfterRedirect(path.urlPath() + " " + done + ".");
            return "index?faces-redirect=true&includeViewParams=true";
        } catch (ManagementException e) {
            Messages.error(e.getMessage());
            return null;
        }
    }

    public List<PointRow> getRows() {
        return rows;
    }

    public PointRow getSelection() {
        return selection;
    }

    public StreamSummary getSummary() {
        return summary;
    }

    public String getSelected() {
        return selected;
    }

    public void setSelected(String selected) {
        this.selected = selected;
    }
}
