package com.sovereignstamp.appliance.api;

import jakarta.servlet.FilterChain;
import jakarta.servlet.ServletException;
import jakarta.servlet.annotation.WebFilter;
import jakarta.servlet.http.HttpFilter;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.util.Enumeration;

/**
 * Refuses requests whose headers together exceed {@link #MAX_HEADER_BYTES} with a 431 problem,
 * before anything else looks at them (the token check included).
 */
@WebFilter(urlPatterns = "/*")
public class HeaderSizeFilter extends HttpFilter {
  static final int MAX_HEADER_BYTES = 16 * 1024;

  @Override
  protected void doFilter(HttpServletRequest req, HttpServletResponse resp, FilterChain chain)
      throws IOException, ServletException {
    long total = 0;
    Enumeration<String> names = req.getHeaderNames();
    while (names.hasMoreElements()) {
      String name = names.nextElement();
      Enumeration<String> values = req.getHeaders(name);
      while (values.hasMoreElements()) {
        total += name.length() + 4 + values.nextElement().length();
      }
    }
    if (total > MAX_HEADER_BYTES) {
      resp.setStatus(ProblemType.HEADERS_TOO_LARGE.status());
      resp.setContentType(Problems.MEDIA_TYPE);
      resp.getOutputStream()
          .write(
              Problems.json(
                      ProblemType.HEADERS_TOO_LARGE,
                      "headers are limited to " + MAX_HEADER_BYTES + " bytes")
                  .getBytes(StandardCharsets.UTF_8));
      return;
    }
    chain.doFilter(req, resp);
  }
}
