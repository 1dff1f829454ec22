package com.sovereignstamp.appliance.api;

import static com.sovereignstamp.appliance.api.JsonSupport.JSON;

import com.sovereignstamp.appliance.application.ApplianceRuntime;
import com.sovereignstamp.appliance.storage.ContentTooLargeException;
import com.sovereignstamp.appliance.storage.DocumentContent;
import com.sovereignstamp.appliance.storage.DocumentMetadata;
import com.sovereignstamp.appliance.storage.DocumentPage;
import com.sovereignstamp.appliance.storage.Upload;
import jakarta.annotation.security.RolesAllowed;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.json.JsonArrayBuilder;
import jakarta.json.JsonObjectBuilder;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.DELETE;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.HeaderParam;
import jakarta.ws.rs.PUT;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.core.Context;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import jakarta.ws.rs.core.SecurityContext;
import jakarta.ws.rs.core.StreamingOutput;
import jakarta.ws.rs.core.UriInfo;
import java.io.IOException;
import java.io.InputStream;

/**
 * {@code /api/v1/collections/{collection}/documents}: content streamed in and out (the body is the
 * content, its {@code Content-Type} kept), metadata, listing with a cursor, deletion.
 */
@Path("collections/{collection}/documents")
@ApplicationScoped
public class DocumentsResource {
  static final int DEFAULT_LIMIT = 100;
  static final int MAX_LIMIT = 1000;
  static final int MAX_CONTENT_TYPE = 255;
  static final long MAX_DRAIN = 8L * 1024 * 1024;

  @Inject ApplianceRuntime runtime;
  @Inject DocumentUploads uploads;

  /** Creates or replaces a document, admitted by {@link DocumentUploads}. */
  @PUT
  @Path("{id}")
  @Consumes(MediaType.WILDCARD)
  @Produces(MediaType.APPLICATION_JSON)
  @RolesAllowed({Roles.USER, Roles.STAMP_ADMIN})
  public Response put(
      @PathParam("collection") String collection,
      @PathParam("id") String id,
      @HeaderParam("Content-Type") String contentType,
      @HeaderParam("Content-Length") String contentLength,
      @HeaderParam("Stamp-Document-Name") String name,
      @HeaderParam("Stamp-Labels") String labels,
      @HeaderParam("Stamp-Data-Subject") String subject,
      @Context SecurityContext caller,
      @Context UriInfo uri,
      InputStream body)
      throws IOException {
    long max = runtime.documents().maxSize();
    if (contentLength != null) {
      try {
        if (Long.parseLong(contentLength.strip()) > max) {
          throw new ProblemException(
              ProblemType.CONTENT_TOO_LARGE,
              "this stamp accepts documents up to " + max + " bytes");
        }
      } catch (NumberFormatException e) {
        throw new ProblemException(ProblemType.INVALID_REQUEST, "Content-Length is not a number");
      }
    }
    DocumentMetadata stored;
    try {
      stored =
          uploads.store(
              new Upload(
                  collection,
                  id,
                  contentType(contentType),
                  HeaderValues.name(name),
                  HeaderValues.labels(labels),
                  HeaderValues.subject(subject),
                  body),
              Callers.actor(caller));
    } catch (ContentTooLargeException e) {
      drain(body);
      throw e;
    }
    Response.ResponseBuilder r =
        stored.revision() == 1
            ? Response.created(uri.getAbsolutePathBuilder().build())
            : Response.ok();
    return r.entity(Representations.document(stored, region()).toString())
        .header("ETag", etag(stored))
        .build();
  }

  @GET
  @Path("{id}")
  @RolesAllowed({Roles.USER, Roles.STAMP_ADMIN})
  public Response get(
      @PathParam("collection") String collection,
      @PathParam("id") String id,
      @Context SecurityContext caller) {
    DocumentContent content = runtime.documents().read(collection, id, Callers.actor(caller));
    DocumentMetadata m = content.metadata();
    StreamingOutput entity =
        out -> {
          try (InputStream in = content.plaintext()) {
            in.transferTo(out);
          }
        };
    Response.ResponseBuilder r =
        Response.ok(entity)
            .type(m.contentType())
            .header("Content-Length", m.size())
            .header("ETag", etag(m))
            .header("Cache-Control", "no-store")
            .header("X-Content-Type-Options", "nosniff");
    if (m.name() != null) {
      r.header(
          "Content-Disposition", "attachment; filename*=UTF-8''" + HeaderValues.encode(m.name()));
    }
    return r.build();
  }

  @GET
  @Path("{id}/metadata")
  @Produces(MediaType.APPLICATION_JSON)
  @RolesAllowed({Roles.USER, Roles.STAMP_ADMIN})
  public Response metadata(
      @PathParam("collection") String collection,
      @PathParam("id") String id,
      @Context SecurityContext caller) {
    DocumentMetadata m = runtime.documents().metadata(collection, id, Callers.actor(caller));
    return Response.ok(Representations.document(m, region()).toString())
        .header("ETag", etag(m))
        .header("Cache-Control", "no-store")
        .build();
  }

  @DELETE
  @Path("{id}")
  @RolesAllowed({Roles.USER, Roles.STAMP_ADMIN})
  public Response delete(
      @PathParam("collection") String collection,
      @PathParam("id") String id,
      @Context SecurityContext caller) {
    if (!runtime.documents().delete(collection, id, Callers.actor(caller))) {
      throw new ProblemException(ProblemType.UNKNOWN_DOCUMENT, "no document " + id);
    }
    return Response.noContent().build();
  }

  @GET
  @Produces(MediaType.APPLICATION_JSON)
  @RolesAllowed({Roles.USER, Roles.STAMP_ADMIN})
  public Response list(
      @PathParam("collection") String collection,
      @QueryParam("limit") String limit,
      @QueryParam("cursor") String cursor,
      @Context SecurityContext caller) {
    int n = limit(limit);
    DocumentPage<DocumentMetadata> page =
        runtime.documents().list(collection, Cursors.decode(cursor), n, Callers.actor(caller));
    JsonArrayBuilder items = JSON.createArrayBuilder();
    page.items().forEach(m -> items.add(Representations.document(m, region())));
    JsonObjectBuilder b = JSON.createObjectBuilder().add("items", items);
    if (page.nextAfter() == null) {
      b.addNull("next");
    } else {
      b.add("next", Cursors.encode(page.nextAfter()));
    }
    return Response.ok(b.build().toString()).header("Cache-Control", "no-store").build();
  }

  /**
   * Reads (and drops) up to {@link #MAX_DRAIN} more bytes of a refused body, so that a client still
   * sending can read the answer instead of a reset connection.
   */
  private static void drain(InputStream body) {
    try {
      long left = MAX_DRAIN;
      byte[] sink = new byte[8192];
      int n;
      while (left > 0 && (n = body.read(sink, 0, (int) Math.min(sink.length, left))) > 0) {
        left -= n;
      }
    } catch (IOException | RuntimeException ignored) {
      // the answer is what matters
    }
  }

  private String region() {
    return runtime.settings().identity().region();
  }

  private static int limit(String limit) {
    if (limit == null) {
      return DEFAULT_LIMIT;
    }
    try {
      int n = Integer.parseInt(limit);
      if (n >= 1 && n <= MAX_LIMIT) {
        return n;
      }
    } catch (NumberFormatException e) {
      // answered below
    }
    throw new ProblemException(
        ProblemType.INVALID_REQUEST, "limit must be a whole number from 1 to " + MAX_LIMIT);
  }

  /** The content type to keep: a valid media type, default {@code application/octet-stream}. */
  private static String contentType(String header) {
    if (header == null || header.isBlank()) {
      return MediaType.APPLICATION_OCTET_STREAM;
    }
    String value = header.strip();
    if (value.length() > MAX_CONTENT_TYPE) {
      throw new ProblemException(
          ProblemType.INVALID_REQUEST, "Content-Type is longer than " + MAX_CONTENT_TYPE);
    }
    try {
      MediaType t = MediaType.valueOf(value);
      if (t.isWildcardType() || t.isWildcardSubtype()) {
        throw new IllegalArgumentException();
      }
    } catch (IllegalArgumentException e) {
      throw new ProblemException(ProblemType.INVALID_REQUEST, "Content-Type is not a media type");
    }
    return value;
  }

  private static String etag(DocumentMetadata m) {
    return "\"" + m.revision() + "\"";
  }
}
