package org.openlss.admin;

import jakarta.inject.Inject;
import jakarta.json.Json;
import jakarta.json.stream.JsonGenerator;
import jakarta.servlet.annotation.WebServlet;
import jakarta.servlet.http.HttpServlet;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;
import java.io.StringWriter;
import java.util.List;
import java.util.Optional;
import org.openlss.pubpoint.InvalidSettingException;
import org.openlss.pubpoint.PublishingPoint;
import org.openlss.pubpoint.PublishingPointPath;
import org.openlss.pubpoint.PublishingPoints;
import org.openlss.stats.HistorySampler;
import org.openlss.stats.PointHistory;

/**
 * {@code GET /admin/history?point=live/channel1.isml}: the point's last ten minutes as JSON for the charts of the
 * details page (admin/charts.js): sample times in epoch seconds, and per chart ({@code bitrate}: incoming kbps per
 * track; {@code fragments}: fragments arrived per sample interval per track; {@code requests}: responses per second
 * per output type) its series, each a name and one value or null per sample time. Under {@code /admin/}, so it takes
 * the administrator's screen session (the management API takes HTTP Basic, which the page does not have) and gets
 * the screens' headers.
 */
@WebServlet("/admin/history")
public class HistoryServlet extends HttpServlet {
    private static final long serialVersionUID = 1L;

    @Inject
    PublishingPoints points;
    @Inject
    HistorySampler history;

    @Override
    protected void doGet(HttpServletRequest request, HttpServletResponse response) throws IOException {
        Optional<PublishingPoint> point;
        try {
            String path = request.getParameter("point");
            point = points.find(PublishingPointPath.of(path == null ? "" : path));
        } catch (InvalidSettingException e) {
            point = Optional.empty();
        }
        response.setContentType("application/json");
        response.setCharacterEncoding("UTF-8");
        response.setHeader("Cache-Control", "no-store");
        if (point.isEmpty()) {
            response.setStatus(HttpServletResponse.SC_NOT_FOUND);
            response.getWriter().write("{\"error\":\"no such publishing point\"}");
            return;
        }
        PointHistory.Snapshot snapshot = history.snapshot(point.get().path()).orElse(
                new PointHistory.Snapshot(HistorySampler.INTERVAL_SECONDS, HistorySampler.SAMPLES, List.of(),
                        List.of()));
        response.getWriter().write(json(point.get(), snapshot));
    }

    static String json(PublishingPoint point, PointHistory.Snapshot snapshot) {
        StringWriter text = new StringWriter();
        try (JsonGenerator g = Json.createGenerator(text)) {
            g.writeStartObject()
                    .write("point", point.path().value())
                    .write("state", point.state().name())
                    .write("intervalSeconds", snapshot.intervalSeconds())
                    .write("capacity", snapshot.capacity());
            g.writeStartArray("times");
            snapshot.times().forEach(g::write);
            g.writeEnd();
            series(g, "bitrate", snapshot.of(PointHistory.Group.BITRATE));
            series(g, "fragments", snapshot.of(PointHistory.Group.FRAGMENTS));
            series(g, "requests", snapshot.of(PointHistory.Group.REQUESTS));
            g.writeEnd();
        }
        return text.toString();
    }

    private static void series(JsonGenerator g, String name, List<PointHistory.Series> list) {
        g.writeStartArray(name);
        for (PointHistory.Series s : list) {
            g.writeStartObject().write("name", s.name()).writeStartArray("values");
            for (Double v : s.values()) {
                if (v == null) {
                    g.writeNull();
                } else {
                    g.write(Math.round(v * 100) / 100.0);
                }
            }
            g.writeEnd().writeEnd();
        }
        g.writeEnd();
    }
}
