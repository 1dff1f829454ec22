package com.sovereignstamp.bridge.api;

import com.sovereignstamp.audit.canonical.CanonicalJson;
import jakarta.ws.rs.core.Response;

/**
 * RFC 9457 problem details ({@code application/problem+json}) for the bridge's own endpoints:
 * {@code {"type","title","status","detail"}}. The type URI is stable and names the problem; the
 * detail is for people and never carries secrets or a stack trace.
 */
final class Problems {
  static final String MEDIA_TYPE = "application/problem+json";
  static final String TYPE_BASE = "https://sovereign-stamp.example/problems/";

  private Problems() {}

  static Response response(String type, int status, String title, String detail) {
    return Response.status(status)
        .type(MEDIA_TYPE)
        .entity(body(type, status, title, detail))
        .build();
  }

  static byte[] body(String type, int status, String title, String detail) {
    return CanonicalJson.serialize(
        CanonicalJson.object()
            .put("type", type)
            .put("title", title)
            .put("status", status)
            .put("detail", detail)
            .build());
  }
}
