package com.sovereignstamp.appliance.api;

import static com.sovereignstamp.appliance.api.JsonSupport.JSON;

import com.sovereignstamp.appliance.application.ApplianceRuntime;
import com.sovereignstamp.appliance.storage.StoredCollection;
import jakarta.annotation.security.RolesAllowed;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.json.JsonArrayBuilder;
import jakarta.json.JsonObject;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.Context;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import jakarta.ws.rs.core.SecurityContext;
import jakarta.ws.rs.core.UriInfo;
import java.io.InputStream;
import java.util.Set;

/** {@code /api/v1/collections}: creating, listing and reading collections. */
@Path("collections")
@ApplicationScoped
@Produces(MediaType.APPLICATION_JSON)
public class CollectionsResource {
  private static final Set<String> FIELDS = Set.of("name", "classification");

  @Inject ApplianceRuntime runtime;

  /** Creates a collection: {@code {"name": "...", "classification": "standard"|"critical"}}. */
  @POST
  @Consumes(MediaType.APPLICATION_JSON)
  @RolesAllowed(Roles.STAMP_ADMIN)
  public Response create(InputStream body, @Context SecurityContext caller, @Context UriInfo uri) {
    JsonObject request = JsonBodies.object(body);
    for (String field : request.keySet()) {
      if (!FIELDS.contains(field)) {
        throw new ProblemException(ProblemType.INVALID_REQUEST, "unknown field " + field);
      }
    }
    StoredCollection c =
        runtime
            .collections()
            .create(
                JsonBodies.string(request, "name"),
                JsonBodies.string(request, "classification"),
                Callers.actor(caller));
    return Response.created(uri.getAbsolutePathBuilder().path(c.name()).build())
        .entity(Representations.collection(c).toString())
        .build();
  }

  @GET
  @RolesAllowed({Roles.STAMP_ADMIN, Roles.USER, Roles.AUDITOR, Roles.SECURITY_OFFICER})
  public String list() {
    JsonArrayBuilder items = JSON.createArrayBuilder();
    runtime.collections().list().forEach(c -> items.add(Representations.collection(c)));
    return JSON.createObjectBuilder().add("items", items).build().toString();
  }

  @GET
  @Path("{name}")
  @RolesAllowed({Roles.STAMP_ADMIN, Roles.USER, Roles.AUDITOR, Roles.SECURITY_OFFICER})
  public String get(@PathParam("name") String name) {
    return Representations.collection(runtime.collections().get(name)).toString();
  }
}
