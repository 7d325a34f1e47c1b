package org.openlss.admin;

import jakarta.enterprise.context.RequestScoped;
import jakarta.inject.Inject;
import jakarta.inject.Named;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.util.List;
import org.openlss.pubpoint.InvalidSettingException;
import org.openlss.pubpoint.PointEvent;
import org.openlss.pubpoint.PointEvents;
import org.openlss.pubpoint.PublishingPointPath;

/**
 * The Event Log card of the details page ({@code WEB-INF/templates/events.xhtml}): the point's newest
 * {@value #SHOWN} events, newest first, with their times in UTC. Redrawn with the page's two-second refresh.
 */
@Named("eventLog")
@RequestScoped
public class EventLogView {
    static final int SHOWN = 50;
    private static final DateTimeFormatter SHOWN_TIME = DateTimeFormatter.ofPattern("yyyy-MM-dd HH:mm:ss")
            .withZone(ZoneOffset.UTC);

    /** One row: {@code time} as shown, {@code iso} the UTC ISO-8601 instant (the time element's datetime). */
    public record Line(String time, String iso, String kind, String label, String stream, String text) {
    }

    @Inject
    PointEvents events;

    /** The rows of the point at {@code path} (as the page's {@code point} parameter names it); none for no point. */
    public List<Line> of(String path) {
        PublishingPointPath point;
        try {
            point = PublishingPointPath.of(path == null ? "" : path);
        } catch (InvalidSettingException e) {
            return List.of();
        }
        return events.recent(point, SHOWN).stream().map(EventLogView::line).toList();
    }

    private static Line line(PointEvent e) {
        return new Line(SHOWN_TIME.format(e.time()), e.time().toString(), e.kind().name(), e.kind().label(),
                e.stream(), e.text());
    }
}
