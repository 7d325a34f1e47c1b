package org.openlss.smooth;

import static org.openlss.player.PlayerRequests.error;
import static org.openlss.player.PlayerRequests.notModified;
import static org.openlss.player.PlayerRequests.send;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import java.io.IOException;
import org.openlss.live.FragmentLookup;
import org.openlss.live.LiveTrack;
import org.openlss.live.Presentation;
import org.openlss.live.StreamIndex;
import org.openlss.platform.ResponseBody;
import org.openlss.player.BuiltOnce;
import org.openlss.player.FragmentAnswers;
import org.openlss.player.PlayerExchange;
import org.openlss.player.PlayerOutput;
import org.openlss.player.PlayerRequests;
import org.openlss.player.SmoothUrl;
import org.openlss.pubpoint.Destinations;
import org.openlss.pubpoint.PublishingPoint;
import org.openlss.pubpoint.PublishingPointSettings;

/**
 * Smooth Streaming delivery: {@code GET <point>.isml/Manifest} and {@code QualityLevels(..)/Fragments(..)} (with
 * FragmentInfo, RawFragments, KeyFrames), status codes as smooth-client.md §4 decides: 412 for a fragment that will
 * exist soon, 404 for one that never will or left the window, 403 when client connections are off. Manifests are
 * built once per timeline change; fragments are immutable per URL within an event and cacheable for long.
 */
@ApplicationScoped
public class SmoothDelivery implements PlayerOutput {
    private static final String OUTPUT = "IIS Smooth Streaming";

    @Inject
    Destinations destinations;

    /** The client manifest of one event, built once per timeline change. */
    private static final class Manifest {
        final BuiltOnce built = new BuiltOnce();
    }

    @Override
    public boolean serves(SmoothUrl resource) {
        return resource.format() == null;
    }

    @Override
    public void serve(PlayerExchange exchange, PlayerRequests.Target target) throws IOException {
        if (target.resource() instanceof SmoothUrl.Manifest) {
            manifest(exchange, target.point(), target.presentation());
        } else if (target.resource() instanceof SmoothUrl.Fragment f) {
            fragment(exchange, target.point(), target.presentation(), f);
        } else {
            error(exchange, 404, "'" + target.url().resource() + "' is not served on "
                    + target.url().point().urlPath());
        }
    }

    private void manifest(PlayerExchange exchange, PublishingPoint point, Presentation presentation)
            throws IOException {
        exchange.header("Cache-Control", presentation.ended() ? "public, max-age=10" : "public, max-age=1");
        // a revalidation of the current version is answered before any manifest is looked up or built
        if (exchange.requestHeader("If-None-Match") != null
                && notModified(exchange, etag(point, presentation.version()))) {
            return;
        }
        BuiltOnce.Built manifest = presentation.outputStates().of(Manifest.class, Manifest::new).built
                .get(presentation::version, () -> build(point.settings(), presentation));
        if (manifest.bytes() == null) {
            error(exchange, 404, point.path().urlPath() + " has no stream data yet");
            return;
        }
        if (notModified(exchange, etag(point, manifest.version()))) {
            return;
        }
        send(exchange, "text/xml;charset=utf-8", ResponseBody.of(manifest.bytes()));
    }

    private static String etag(PublishingPoint point, long version) {
        return "\"m" + point.eventNumber() + "-" + version + "\"";
    }

    private static byte[] build(PublishingPointSettings settings, Presentation presentation) {
        ClientManifest.Options options = new ClientManifest.Options(!presentation.ended(),
                settings.lookAheadChunks(), settings.clientConnections().windowLength().toMillis() * 10_000,
                settings.clientConnections().repeatRuns());
        return ClientManifest.write(presentation.streamIndexes(), options);
    }

    private void fragment(PlayerExchange exchange, PublishingPoint point, Presentation presentation,
                          SmoothUrl.Fragment f) throws IOException {
        StreamIndex stream = presentation.streamIndex(f.streamName());
        LiveTrack track = presentation.track(f.streamName(), f.bitrate(), f.attributes());
        if (stream == null || track == null) {
            FragmentAnswers.noLevel(exchange, f.bitrate(), f.attributes(), f.streamName());
            return;
        }
        FragmentLookup lookup = track.lookup(f.time());
        if (FragmentAnswers.unavailable(exchange, lookup, f.streamName(), f.time())) {
            return;
        }
        SparseStreamPointer pointer = stream.parentName() != null ? SparseStreamPointer.preceding(stream, f.time())
                : SparseStreamPointer.of(presentation, stream, lookup.ref().end());
        String etag = "\"f" + point.eventNumber() + "-" + f.bitrate() + "-" + f.time() + "-" + f.noun().ordinal()
                + (pointer == null ? "" : "-" + pointer.value()) + "\"";
        // a pointer that may still name a newer sparse fragment must be asked for again soon
        long maxAge = pointer == null || pointer.settled()
                ? FragmentAnswers.maxAge(point.settings(), stream, lookup) : 1;
        exchange.header("Cache-Control", "public, max-age=" + maxAge);
        if (notModified(exchange, etag)) {
            return;
        }
        ResponseBody body = ServedFragments.serve(track, lookup.ref(), f.noun(), point.settings().lookAheadChunks(),
                presentation.ended());
        if (body == null) {
            FragmentAnswers.leftTheWindow(exchange, f.time());
            return;
        }
        String mediaType = FragmentAnswers.contentType(track.description().type());
        send(exchange, pointer == null ? mediaType : pointer.contentType(mediaType), body);
        track.served(body.contentLength());
        destinations.delivered(point.path(), exchange.localAddress(), OUTPUT, f.streamName(), exchange.remoteAddress());
    }
}
