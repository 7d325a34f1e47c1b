package org.openlss.web;

import jakarta.inject.Inject;
import jakarta.json.Json;
import jakarta.json.JsonArray;
import jakarta.json.JsonArrayBuilder;
import jakarta.json.JsonException;
import jakarta.json.JsonObject;
import jakarta.json.JsonReader;
import jakarta.json.JsonString;
import jakarta.json.JsonValue;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.DELETE;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.PUT;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.Context;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import jakarta.ws.rs.core.UriInfo;
import java.io.InputStream;
import java.util.List;
import java.util.Optional;
import org.openlss.pubpoint.ErrorCode;
import org.openlss.pubpoint.ManagementException;
import org.openlss.web.Accounts.AccountView;

/**
 * The accounts (JSON): {@code {"user", "role", "folders", "password"}}, the password write-only. Only the
 * administrator gets here ({@link AccessGuard}: every call is {@link Permissions.Kind#ACCOUNTS}).
 */
@Path("smoothstreaming/accounts")
@Produces(MediaType.APPLICATION_JSON)
public class AccountResource {
    @Inject
    Accounts accounts;
    @Context
    UriInfo uri;

    @GET
    public JsonArray list() {
        JsonArrayBuilder list = Json.createArrayBuilder();
        accounts.list().forEach(a -> list.add(json(a)));
        return list.build();
    }

    @GET
    @Path("{user}")
    public JsonObject get(@PathParam("user") String user) {
        return json(accounts.get(user));
    }

    @POST
    @Consumes(MediaType.APPLICATION_JSON)
    public Response create(InputStream body) {
        JsonObject request = read(body);
        AccountView created = accounts.create(request.getString("user", null), request.getString("password", null),
                role(request), folders(request));
        return Response.created(uri.getAbsolutePathBuilder().path(created.user()).build()).entity(json(created))
                .build();
    }

    @PUT
    @Path("{user}")
    @Consumes(MediaType.APPLICATION_JSON)
    public JsonObject update(@PathParam("user") String user, InputStream body) {
        JsonObject request = read(body);
        return json(accounts.update(user, Optional.ofNullable(request.getString("password", null))
                .filter(p -> !p.isEmpty()), role(request), folders(request)));
    }

    @DELETE
    @Path("{user}")
    public Response delete(@PathParam("user") String user) {
        accounts.delete(user);
        return Response.noContent().build();
    }

    private static JsonObject json(AccountView account) {
        return Json.createObjectBuilder().add("user", account.user())
                .add("role", Role.of(account.role()).map(Role::title).orElse(account.role()))
                .add("folders", Json.createArrayBuilder(account.folders())).build();
    }

    private static JsonObject read(InputStream body) {
        try (JsonReader reader = Json.createReader(body)) {
            return reader.readObject();
        } catch (JsonException | IllegalStateException e) {
            throw invalid("The body must be a JSON object.");
        }
    }

    private static Role role(JsonObject request) {
        String role = request.getString("role", "");
        return Role.of(role).orElseThrow(() -> invalid("Unknown role '" + role
                + "': administrator, operator, viewer or encoder."));
    }

    private static List<String> folders(JsonObject request) {
        JsonValue folders = request.getOrDefault("folders", JsonValue.EMPTY_JSON_ARRAY);
        if (!(folders instanceof JsonArray array) || !array.stream().allMatch(JsonString.class::isInstance)) {
            throw invalid("'folders' must be an array of paths such as \"/live/sports/\".");
        }
        return array.getValuesAs(JsonString.class).stream().map(JsonString::getString).toList();
    }

    private static ManagementException invalid(String message) {
        return new ManagementException(ErrorCode.MPE_MGMT_INVALID_DATA, message);
    }
}
