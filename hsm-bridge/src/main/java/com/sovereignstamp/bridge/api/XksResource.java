package com.sovereignstamp.bridge.api;

import com.sovereignstamp.bridge.application.XksAnswer;
import com.sovereignstamp.bridge.application.XksCall;
import com.sovereignstamp.bridge.xks.XksError;
import com.sovereignstamp.bridge.xks.XksException;
import com.sovereignstamp.bridge.xks.XksJson;
import com.sovereignstamp.bridge.xks.XksPath;
import com.sovereignstamp.sigv4.SigV4Request;
import jakarta.enterprise.context.RequestScoped;
import jakarta.inject.Inject;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.ws.rs.DELETE;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.PATCH;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.PUT;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.core.Context;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import java.io.IOException;
import java.io.InputStream;
import java.util.ArrayList;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/** The XKS proxy API: every path, POST only. */
@Path("/")
@RequestScoped
public class XksResource {

  @Inject BridgeRuntime runtime;
  @Context HttpServletRequest http;

  @POST
  @Path("{path: .*}")
  public Response post(InputStream body) throws IOException {
    Optional<byte[]> bytes = readAtMost(body, runtime.settings().limits().maxBodyBytes());
    if (bytes.isEmpty()) {
      XksException tooLarge =
          new XksException(
              XksError.UNSUPPORTED_OPERATION,
              "The request body is larger than supported.",
              "body over " + runtime.settings().limits().maxBodyBytes() + " bytes");
      return answer(
          runtime
              .dispatcher()
              .refuse(call("POST", new byte[0]), tooLarge, tooLarge.error().status()));
    }
    return answer(runtime.dispatcher().handle(call("POST", bytes.get())));
  }

  @GET
  @Path("{path: .*}")
  public Response get() {
    return notPost("GET");
  }

  @PUT
  @Path("{path: .*}")
  public Response put() {
    return notPost("PUT");
  }

  @DELETE
  @Path("{path: .*}")
  public Response delete() {
    return notPost("DELETE");
  }

  @PATCH
  @Path("{path: .*}")
  public Response patch() {
    return notPost("PATCH");
  }

  /** XKS: "MUST reject [a GET] with a 405 Method Not Allowed error". */
  private Response notPost(String method) {
    XksCall call = call(method, new byte[0]);
    if (!XksPath.isXksPath(http.getRequestURI())) {
      return answer(
          runtime
              .dispatcher()
              .refuse(
                  call,
                  new XksException(
                      XksError.INVALID_URI_PATH,
                      "The URI path is not a valid XKS path.",
                      "method " + method),
                  XksError.INVALID_URI_PATH.status()));
    }
    XksException notAllowed =
        new XksException(
            XksError.UNSUPPORTED_OPERATION,
            "XKS API calls use POST; this method is not allowed.",
            "method " + method);
    return Response.fromResponse(
            answer(
                runtime
                    .dispatcher()
                    .refuse(call, notAllowed, Response.Status.METHOD_NOT_ALLOWED.getStatusCode())))
        .header("Allow", "POST")
        .build();
  }

  private XksCall call(String method, byte[] body) {
    return new XksCall(sigV4Request(http, method, body), ClientCertificates.of(http));
  }

  /** The request as SigV4 verification sees it: method, raw path and query, headers, body. */
  static SigV4Request sigV4Request(HttpServletRequest http, String method, byte[] body) {
    return new SigV4Request(
        method, http.getRequestURI(), http.getQueryString(), headers(http), body);
  }

  private static Response answer(XksAnswer answer) {
    return Response.status(answer.status())
        .type(MediaType.APPLICATION_JSON_TYPE)
        .entity(XksJson.bytes(answer.body()))
        .build();
  }

  private static Map<String, List<String>> headers(HttpServletRequest http) {
    Map<String, List<String>> headers = new LinkedHashMap<>();
    for (String name : Collections.list(http.getHeaderNames())) {
      headers.put(name, new ArrayList<>(Collections.list(http.getHeaders(name))));
    }
    return headers;
  }

  /** The whole body if it is no longer than the limit; empty otherwise. */
  private static Optional<byte[]> readAtMost(InputStream in, int limit) throws IOException {
    byte[] bytes = in.readNBytes(limit + 1);
    return bytes.length > limit ? Optional.empty() : Optional.of(bytes);
  }
}
