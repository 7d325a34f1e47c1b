package org.openlss.pubpoint.rest;

import java.net.URI;
import java.time.Instant;
import java.util.List;
import org.openlss.pubpoint.ErrorCode;
import org.openlss.pubpoint.PointEvent;
import org.openlss.pubpoint.PublishingPoint;
import org.openlss.pubpoint.PublishingPointStatistics;
import org.openlss.pubpoint.PublishingPointStatus;
import org.openlss.pubpoint.credential.CredentialDescription;

/**
 * The resources of the management API, independent of representation: the Atom XML and the JSON providers each write
 * every one of them. {@code site} is the server's root URL, from which resource ids and links are built.
 */
sealed interface ManagementDocument {
    String SETTINGS = "settings";
    String STATE = "state";
    String STATISTICS = "statistics";
    String EVENTS = "events";

    /** The URL of one resource of a publishing point, e.g. {@code http://host/live/channel1.isml/settings}. */
    static String url(URI site, PublishingPoint point, String resource) {
        return site.resolve(point.path().urlPath() + "/" + resource).toString();
    }

    record SettingsEntry(PublishingPoint point, URI site) implements ManagementDocument {
    }

    record StateEntry(PublishingPoint point, PublishingPointStatus status, URI site) implements ManagementDocument {
    }

    record StatisticsEntry(PublishingPoint point, PublishingPointStatistics statistics, URI site)
            implements ManagementDocument {
    }

    /** The point's event log, newest first: a feed with one entry per event. */
    record EventFeed(PublishingPoint point, List<PointEvent> events, URI site, Instant updated)
            implements ManagementDocument {
    }

    record PointFeed(List<PublishingPoint> points, boolean withSettings, URI site, Instant updated)
            implements ManagementDocument {
    }

    record ErrorBody(ErrorCode code, String message, String field) implements ManagementDocument {
    }

    record CredentialList(List<CredentialDescription> credentials) implements ManagementDocument {
    }

    record CredentialEntry(CredentialDescription credential) implements ManagementDocument {
    }
}
