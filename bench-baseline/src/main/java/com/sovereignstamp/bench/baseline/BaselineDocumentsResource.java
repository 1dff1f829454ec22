package com.sovereignstamp.bench.baseline;

import jakarta.enterprise.context.RequestScoped;
import jakarta.inject.Inject;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.HeaderParam;
import jakarta.ws.rs.PUT;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.WebApplicationException;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import jakarta.ws.rs.core.StreamingOutput;
import java.io.IOException;
import java.io.InputStream;
import java.sql.SQLException;
import java.util.Locale;
import java.util.Optional;

/**
 * {@code PUT /baseline/documents/{id}} stores the body, {@code GET} streams it back with its {@code
 * Content-Type} and {@code Content-Length}. No authentication, no encryption, no audit, and only
 * the input checks a bare endpoint would make.
 */
@Path("documents/{id: [A-Za-z0-9][A-Za-z0-9._-]{0,127}}")
@RequestScoped
public class BaselineDocumentsResource {
  @Inject BaselineRuntime runtime;

  @PathParam("id")
  String id;

  @PUT
  @Consumes(MediaType.WILDCARD)
  @Produces(MediaType.APPLICATION_JSON)
  public Response put(@HeaderParam("Content-Type") String contentType, InputStream body)
      throws IOException {
    BaselineDocumentStore.Stored stored;
    try {
      stored =
          runtime
              .store()
              .write(
                  id,
                  contentType == null ? MediaType.APPLICATION_OCTET_STREAM : contentType.strip(),
                  body);
    } catch (SQLException e) {
      throw new WebApplicationException(
          "database failure (SQL state " + e.getSQLState() + ")", 503);
    }
    String json =
        String.format(
            Locale.ROOT,
            "{\"id\":\"%s\",\"size\":%d,\"segments\":%d,\"revision\":%d}",
            stored.documentId(),
            stored.size(),
            stored.segments(),
            stored.revision());
    return Response.status(stored.revision() == 1 ? 201 : 200)
        .entity(json)
        .header("ETag", "\"" + stored.revision() + "\"")
        .build();
  }

  @GET
  public Response get() {
    Optional<BaselineDocumentStore.OpenDocument> found;
    try {
      found = runtime.store().open(id);
    } catch (SQLException e) {
      throw new WebApplicationException(
          "database failure (SQL state " + e.getSQLState() + ")", 503);
    }
    if (found.isEmpty()) {
      return Response.status(404).build();
    }
    BaselineDocumentStore.OpenDocument doc = found.get();
    StreamingOutput entity =
        out -> {
          try (doc) {
            doc.copyTo(out);
          } catch (SQLException e) {
            throw new IOException("database failure (SQL state " + e.getSQLState() + ")", e);
          }
        };
    return Response.ok(entity)
        .type(doc.contentType())
        .header("Content-Length", doc.size())
        .header("ETag", "\"" + doc.revision() + "\"")
        .header("Cache-Control", "no-store")
        .build();
  }
}
