package com.sovereignstamp.appliance.api;

import jakarta.servlet.RequestDispatcher;
import jakarta.servlet.annotation.WebServlet;
import jakarta.servlet.http.HttpServlet;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;
import java.nio.charset.StandardCharsets;

/**
 * The error page of the container (web.xml): a refused or missing token (401), a path outside the
 * API (404), a request the container could not parse — answered as problem+json like everything
 * else. Never shows an exception.
 */
@WebServlet("/error-problem")
public class ProblemErrorServlet extends HttpServlet {

  @Override
  protected void service(HttpServletRequest req, HttpServletResponse resp) throws IOException {
    Object code = req.getAttribute(RequestDispatcher.ERROR_STATUS_CODE);
    int status = code instanceof Integer i ? i : 500;
    ProblemType type =
        switch (status) {
          case 400 -> ProblemType.INVALID_REQUEST;
          case 401 -> ProblemType.UNAUTHORIZED;
          case 403 -> ProblemType.FORBIDDEN;
          case 404 -> ProblemType.NOT_FOUND;
          case 405 -> ProblemType.METHOD_NOT_ALLOWED;
          case 413 -> ProblemType.CONTENT_TOO_LARGE;
          case 431 -> ProblemType.HEADERS_TOO_LARGE;
          default -> ProblemType.INTERNAL_ERROR;
        };
    Object uri = req.getAttribute(RequestDispatcher.ERROR_REQUEST_URI);
    String path = uri == null ? "" : uri.toString();
    String detail = null;
    resp.resetBuffer();
    if (status == 401) {
      TokenRefusal refusal =
          RefusedRequests.tokenRefused(req.getMethod(), path, req.getHeader("Authorization"));
      detail = refusal.reason();
      RefusedRequests.challenge(refusal).ifPresent(c -> resp.setHeader("WWW-Authenticate", c));
    } else if (status == 403) {
      RefusedRequests.rolesRefused(req.getMethod(), path, null);
    }
    resp.setStatus(type.status());
    resp.setContentType(Problems.MEDIA_TYPE);
    resp.getOutputStream().write(Problems.json(type, detail).getBytes(StandardCharsets.UTF_8));
  }
}
