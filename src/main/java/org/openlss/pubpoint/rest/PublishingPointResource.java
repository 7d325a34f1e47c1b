package org.openlss.pubpoint.rest;

import jakarta.inject.Inject;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.DELETE;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.PUT;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.Context;
import jakarta.ws.rs.core.HttpHeaders;
import jakarta.ws.rs.core.Response;
import jakarta.ws.rs.core.UriInfo;
import java.io.InputStream;
import java.time.Instant;
import java.util.List;
import org.openlss.pubpoint.BehaviourErrors;
import org.openlss.pubpoint.ErrorCode;
import org.openlss.pubpoint.InvalidSettingException;
import org.openlss.pubpoint.ManagementException;
import org.openlss.pubpoint.PointEvent;
import org.openlss.pubpoint.PointEvents;
import org.openlss.pubpoint.PublishingPoint;
import org.openlss.pubpoint.PublishingPointPath;
import org.openlss.pubpoint.PublishingPointSettings;
import org.openlss.pubpoint.PublishingPointState;
import org.openlss.pubpoint.PublishingPointStatistics;
import org.openlss.pubpoint.PublishingPoints;
import org.openlss.pubpoint.StatisticsSource;
import org.openlss.pubpoint.rest.ManagementDocument.EventFeed;
import org.openlss.pubpoint.isml.IsmlDefinition;
import org.openlss.pubpoint.isml.IsmlImport;
import org.openlss.pubpoint.rest.ManagementDocument.SettingsEntry;
import org.openlss.pubpoint.rest.ManagementDocument.StateEntry;
import org.openlss.pubpoint.rest.ManagementDocument.StatisticsEntry;

/**
 * The settings, state and statistics of one publishing point. IIS serves them at the point's own URL
 * ({@code /live/channel1.isml/settings}); the request router forwards those requests to {@link #PATH}.
 */
@Path(PublishingPointResource.PATH)
@Produces({ManagementMediaTypes.ATOM + ";qs=1", ManagementMediaTypes.JSON + ";qs=0.9"})
public class PublishingPointResource {
    public static final String PATH = "smoothstreaming/publishingpoint/{path: .+\\.[iI][sS][mM][lL]}";

    @Inject
    PublishingPoints points;
    @Inject
    StatisticsSource statistics;
    @Inject
    BehaviourErrors errors;
    @Inject
    PointEvents events;
    @Context
    UriInfo uri;
    @Context
    HttpHeaders headers;

    @GET
    @Path("settings")
    public SettingsEntry settings(@PathParam("path") String path) {
        return new SettingsEntry(point(path), Sites.root(uri));
    }

    /**
     * The point's IIS definition file ({@code .isml}) when asked for {@code application/smil+xml}: the export, offered
     * as a download named after the point, which imports again (here or into IIS) as the same point.
     */
    @GET
    @Path("settings")
    @Produces(ManagementMediaTypes.SMIL + ";qs=0.1")
    public Response definition(@PathParam("path") String path) {
        PublishingPoint point = point(path);
        return Response.ok(IsmlDefinition.write(point.settings()), ManagementMediaTypes.SMIL + ";charset=utf-8")
                .header("Content-Disposition", "attachment; filename=\"" + IsmlImport.fileName(point.path()) + "\"")
                .header("Cache-Control", "no-store").build();
    }

    /** Only while the point is shut down; 200 with no body. */
    @PUT
    @Path("settings")
    @Consumes({ManagementMediaTypes.ATOM, ManagementMediaTypes.JSON})
    public Response updateSettings(@PathParam("path") String path, InputStream body) {
        PublishingPointPath point = point(path).path();
        PublishingPointSettings settings = RequestBodies.read(PublishingPointSettings.class, headers, body);
        try {
            points.updateSettings(point, settings);
        } catch (InvalidSettingException e) {
            throw RequestBodies.named(PublishingPointSettings.class, headers, e);
        }
        return Response.ok().build();
    }

    /** A running point is shut down first. */
    @DELETE
    @Path("settings")
    public Response delete(@PathParam("path") String path) {
        points.delete(point(path).path());
        return Response.ok().build();
    }

    /** With the archive's folder and on-demand URL, as the statistics give them, beside the Archive status. */
    @GET
    @Path("state")
    public StateEntry state(@PathParam("path") String path) {
        PublishingPoint point = point(path);
        PublishingPointStatistics figures = statistics.current(point);
        return new StateEntry(point, errors.status(point).withArchive(figures.archivePath(), figures.archiveUrl()),
                Sites.root(uri));
    }

    @PUT
    @Path("state")
    @Consumes({ManagementMediaTypes.ATOM, ManagementMediaTypes.JSON})
    public Response updateState(@PathParam("path") String path, InputStream body) {
        points.requestState(point(path).path(), RequestBodies.read(StateRequest.class, headers, body).target());
        return Response.ok().build();
    }

    /** Not while Idle: a shut-down point has no streams. */
    @GET
    @Path("statistics")
    public StatisticsEntry statistics(@PathParam("path") String path) {
        PublishingPoint point = point(path);
        if (point.state() == PublishingPointState.Idle) {
            throw new ManagementException(ErrorCode.MPE_MGMT_PUBLISHING_POINT_NOT_STARTED,
                    "The publishing point " + point.path().urlPath() + " is shut down (Idle); start it first.");
        }
        return new StatisticsEntry(point, statistics.statistics(point), Sites.root(uri));
    }

    /**
     * The point's event log (encoder connections, ends of stream, state changes, archive segments and errors,
     * syndication failovers), newest first, in any state: a shut-down point still tells what happened.
     */
    @GET
    @Path("events")
    public Response events(@PathParam("path") String path) {
        PublishingPoint point = point(path);
        List<PointEvent> recent = events.recent(point.path());
        Instant updated = recent.isEmpty() ? point.updated() : recent.get(0).time();
        return Response.ok(new EventFeed(point, recent, Sites.root(uri), updated))
                .header("Cache-Control", "no-store").build();
    }

    private PublishingPoint point(String path) {
        PublishingPointPath parsed;
        try {
            parsed = PublishingPointPath.of(path);
        } catch (InvalidSettingException e) {
            throw new ManagementException(ErrorCode.MPE_MGMT_PUBLISHING_POINT_NOT_FOUND,
                    "No publishing point at /" + path + " (" + e.getMessage() + ").");
        }
        return points.get(parsed);
    }
}
