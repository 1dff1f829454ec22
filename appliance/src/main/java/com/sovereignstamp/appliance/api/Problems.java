package com.sovereignstamp.appliance.api;

import static com.sovereignstamp.appliance.api.JsonSupport.JSON;

import jakarta.json.JsonObjectBuilder;
import jakarta.ws.rs.core.Response;

/** Builds {@code application/problem+json} answers (RFC 9457). */
public final class Problems {
  public static final String MEDIA_TYPE = "application/problem+json";

  private Problems() {}

  /** The JSON of a problem; {@code detail} may be null. */
  public static String json(ProblemType type, String detail) {
    JsonObjectBuilder b =
        JSON.createObjectBuilder()
            .add("type", type.type().toString())
            .add("title", type.title())
            .add("status", type.status());
    if (detail != null && !detail.isBlank()) {
      b.add("detail", detail);
    }
    return b.build().toString();
  }

  public static Response response(ProblemType type, String detail) {
    Response.ResponseBuilder r =
        Response.status(type.status()).type(MEDIA_TYPE).entity(json(type, detail));
    if (type == ProblemType.UNAUTHORIZED) {
      r.header("WWW-Authenticate", "Bearer");
    }
    if (type.status() == 503) {
      r.header("Retry-After", "5");
    }
    return r.build();
  }
}
