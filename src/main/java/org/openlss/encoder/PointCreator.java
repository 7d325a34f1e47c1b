package org.openlss.encoder;

import java.io.IOException;
import java.net.URI;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * {@code /create}: makes the publishing point through the management REST API (management-rest.md), as IIS's tool did
 * by WebDAV, with the credentials of the URL, and starts it. A point that exists already is only started.
 */
final class PointCreator {
    private static final String JSON = "application/json";
    private static final Pattern STATE = Pattern.compile("\"value\"\\s*:\\s*\"(\\w+)\"");

    private PointCreator() {
    }

    /** Creates (unless it exists) and starts the point; returns what was done, for the log. */
    static String createAndStart(ServerAddress server) throws PushFailure {
        URI collection = server.site().resolve("/services/smoothstreaming/publishingpoints.isml/settings");
        String path = server.point().getPath();
        try {
            ServerAddress.Reply created = server.exchange("POST", collection, JSON, "{}", "Slug: " + path, "Accept: " + JSON);
            boolean exists = created.status() == 400 && created.body().contains("ALREADY_EXISTS");
            if (created.status() != 201 && !exists) {
                throw refused("create", created);
            }
            URI state = URI.create(server.point() + "/state");
            ServerAddress.Reply now = server.exchange("GET", state, null, null, "Accept: " + JSON);
            if (now.status() != 200) {
                throw refused("read the state of", now);
            }
            Matcher value = STATE.matcher(now.body());
            if (value.find() && value.group(1).equals("Started")) {
                return (exists ? "found " : "created ") + path + ", Started";
            }
            ServerAddress.Reply started = server.exchange("PUT", state, JSON, "{\"state\":{\"value\":\"Started\"}}",
                    "Accept: " + JSON);
            if (started.status() != 200) {
                throw refused("start", started);
            }
            return (exists ? "started " : "created and started ") + path;
        } catch (IOException e) {
            throw new PushFailure("cannot reach the management API at " + collection + ": " + e.getMessage(), e);
        }
    }

    private static PushFailure refused(String what, ServerAddress.Reply reply) {
        String why = reply.status() == 401 ? "wrong or missing credentials in the URL (the administrator's are needed)"
                : reply.firstLine();
        return new PushFailure("/create: cannot " + what + " the publishing point: " + reply.status() + " " + why);
    }
}
