package org.openlss.pubpoint.rest;

import jakarta.inject.Inject;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.HeaderParam;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.Context;
import jakarta.ws.rs.core.HttpHeaders;
import jakarta.ws.rs.core.Response;
import jakarta.ws.rs.core.UriInfo;
import jakarta.ws.rs.core.MediaType;
import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.net.URI;
import java.net.URLDecoder;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.List;
import org.openlss.pubpoint.ErrorCode;
import org.openlss.pubpoint.InvalidSettingException;
import org.openlss.pubpoint.ManagementException;
import org.openlss.pubpoint.PublishingPoint;
import org.openlss.pubpoint.PublishingPointPath;
import org.openlss.pubpoint.PublishingPointSettings;
import org.openlss.pubpoint.PublishingPoints;
import org.openlss.pubpoint.isml.IsmlImport;
import org.openlss.pubpoint.rest.ManagementDocument.PointFeed;
import org.openlss.pubpoint.rest.ManagementDocument.SettingsEntry;

/** The publishing point collection: enumerate (with or without settings) and create with a Slug. */
@Path("smoothstreaming/publishingpoints.isml")
@Produces({ManagementMediaTypes.ATOM + ";qs=1", ManagementMediaTypes.JSON + ";qs=0.9"})
public class PublishingPointCollectionResource {
    @Inject
    PublishingPoints points;
    @Inject
    IsmlImport imports;
    @Context
    UriInfo uri;
    @Context
    HttpHeaders headers;

    @GET
    public PointFeed enumerate() {
        return feed(false);
    }

    @GET
    @Path("settings")
    public PointFeed enumerateWithSettings() {
        return feed(true);
    }

    /**
     * Creates the point named by {@code Slug} (e.g. {@code /live/channel1.isml}); it starts shut down. The body is a
     * settings entry, or an IIS {@code .isml} definition file ({@code application/smil+xml}, or XML whose root is
     * {@code smil}) to import.
     */
    @POST
    @Path("settings")
    @Consumes({ManagementMediaTypes.ATOM, ManagementMediaTypes.JSON, ManagementMediaTypes.SMIL,
            MediaType.APPLICATION_XML})
    public Response create(@HeaderParam("Slug") String slug, InputStream body) throws IOException {
        if (slug == null || slug.isBlank()) {
            throw new ManagementException(ErrorCode.MPE_MGMT_SLUG_HEADER_REQUIRED,
                    "Create requires a Slug header naming the new .isml file, e.g. Slug: /live/channel1.isml");
        }
        PublishingPointPath path;
        try {
            path = PublishingPointPath.of(URLDecoder.decode(slug.trim().replace("+", "%2B"), StandardCharsets.UTF_8));
        } catch (InvalidSettingException e) {
            throw new InvalidSettingException(ErrorCode.MPE_MGMT_SLUG_HEADER_INVALID, "Slug", e.problem());
        } catch (IllegalArgumentException e) {
            throw new InvalidSettingException(ErrorCode.MPE_MGMT_SLUG_HEADER_INVALID, "Slug",
                    "bad percent-encoding: " + e.getMessage());
        }
        PublishingPoint point;
        byte[] sent = Bodies.bytes(body);
        if (IsmlBodies.isDefinition(headers.getMediaType(), sent)) {
            // an IIS definition file: the import names the file's meta elements in its refusals
            point = imports.create(path, sent);
        } else if (headers.getMediaType().isCompatible(MediaType.APPLICATION_XML_TYPE)) {
            // plain XML is taken for a definition file only; settings entries are Atom, as on IIS
            throw new ManagementException(ErrorCode.MPE_MGMT_CONTENT_TYPE_NOT_SUPPORTED, "Send settings as"
                    + " application/atom+xml (or application/json); plain application/xml is taken only for an"
                    + " .isml definition file, whose root element is smil.");
        } else {
            PublishingPointSettings settings = RequestBodies.read(PublishingPointSettings.class, headers,
                    new ByteArrayInputStream(sent));
            try {
                point = points.create(path, settings);
            } catch (InvalidSettingException e) {
                throw RequestBodies.named(PublishingPointSettings.class, headers, e);
            }
        }
        URI site = Sites.root(uri);
        return Response.created(URI.create(ManagementDocument.url(site, point, ManagementDocument.SETTINGS)))
                .entity(new SettingsEntry(point, site)).build();
    }

    private PointFeed feed(boolean withSettings) {
        List<PublishingPoint> all = points.all();
        Instant updated = all.stream().map(PublishingPoint::updated).max(Instant::compareTo).orElse(Instant.now());
        return new PointFeed(all, withSettings, Sites.root(uri), updated);
    }
}
