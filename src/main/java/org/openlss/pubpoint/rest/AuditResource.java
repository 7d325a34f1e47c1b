package org.openlss.pubpoint.rest;

import jakarta.inject.Inject;
import jakarta.json.Json;
import jakarta.json.stream.JsonGenerator;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.Response;
import java.io.StringWriter;
import org.openlss.platform.AuditTrail;

/**
 * {@code GET /services/smoothstreaming/audit}: the newest entries of the audit trail (sign-ins, failed ones,
 * throttling, management changes), newest first, in JSON. Under {@code /services/}, so for the administrator only.
 */
@Path("smoothstreaming/audit")
public class AuditResource {
    @Inject
    AuditTrail audit;

    @GET
    @Produces(ManagementMediaTypes.JSON)
    public Response recent() {
        StringWriter text = new StringWriter();
        try (JsonGenerator json = Json.createGenerator(text)) {
            json.writeStartObject().writeStartArray("entries");
            for (AuditTrail.Entry entry : audit.recent()) {
                json.writeStartObject()
                        .write("time", entry.time().toString())
                        .write("user", entry.user())
                        .write("address", entry.address())
                        .write("event", entry.event())
                        .writeEnd();
            }
            json.writeEnd().writeEnd();
        }
        return Response.ok(text.toString(), ManagementMediaTypes.JSON).header("Cache-Control", "no-store").build();
    }
}
