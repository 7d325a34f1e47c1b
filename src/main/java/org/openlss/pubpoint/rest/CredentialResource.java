package org.openlss.pubpoint.rest;

import jakarta.inject.Inject;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.DELETE;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.Context;
import jakarta.ws.rs.core.HttpHeaders;
import jakarta.ws.rs.core.Response;
import jakarta.ws.rs.core.UriInfo;
import java.io.InputStream;
import org.openlss.pubpoint.credential.CredentialDescription;
import org.openlss.pubpoint.credential.Credentials;
import org.openlss.pubpoint.credential.NewCredential;
import org.openlss.pubpoint.rest.ManagementDocument.CredentialEntry;
import org.openlss.pubpoint.rest.ManagementDocument.CredentialList;

/** Stored credentials ("Manage Credentials"): list names and users, add, delete. Secrets are write-only. */
@Path("smoothstreaming/credentials")
@Produces({ManagementMediaTypes.ATOM + ";qs=1", ManagementMediaTypes.JSON + ";qs=0.9"})
public class CredentialResource {
    @Inject
    Credentials credentials;
    @Context
    UriInfo uri;
    @Context
    HttpHeaders headers;

    @GET
    public CredentialList list() {
        return new CredentialList(credentials.list());
    }

    @POST
    @Consumes({ManagementMediaTypes.ATOM, ManagementMediaTypes.JSON})
    public Response create(InputStream body) {
        CredentialDescription created = credentials.create(RequestBodies.read(NewCredential.class, headers, body));
        return Response.created(uri.getAbsolutePathBuilder().path(created.name()).build())
                .entity(new CredentialEntry(created)).build();
    }

    @DELETE
    @Path("{name}")
    public Response delete(@PathParam("name") String name) {
        credentials.delete(name);
        return Response.ok().build();
    }
}
