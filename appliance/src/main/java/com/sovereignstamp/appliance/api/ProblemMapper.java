package com.sovereignstamp.appliance.api;

import com.sovereignstamp.appliance.audit.AuditUnavailableException;
import com.sovereignstamp.appliance.keys.KeyServiceException;
import com.sovereignstamp.appliance.mode.ModeRefusedException;
import com.sovereignstamp.appliance.storage.CollectionExistsException;
import com.sovereignstamp.appliance.storage.ContentTooLargeException;
import com.sovereignstamp.appliance.storage.DocumentConflictException;
import com.sovereignstamp.appliance.storage.InvalidInputException;
import com.sovereignstamp.appliance.storage.StorageUnavailableException;
import com.sovereignstamp.appliance.storage.StoredContentIntegrityException;
import com.sovereignstamp.appliance.storage.UnknownCollectionException;
import com.sovereignstamp.appliance.storage.UnknownDocumentException;
import jakarta.json.JsonException;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.ws.rs.BadRequestException;
import jakarta.ws.rs.ForbiddenException;
import jakarta.ws.rs.NotAcceptableException;
import jakarta.ws.rs.NotAllowedException;
import jakarta.ws.rs.NotAuthorizedException;
import jakarta.ws.rs.NotFoundException;
import jakarta.ws.rs.NotSupportedException;
import jakarta.ws.rs.WebApplicationException;
import jakarta.ws.rs.core.Context;
import jakarta.ws.rs.core.Response;
import jakarta.ws.rs.core.SecurityContext;
import jakarta.ws.rs.ext.ExceptionMapper;
import jakarta.ws.rs.ext.Provider;
import java.io.IOException;
import java.security.Principal;
import java.util.Locale;
import java.util.UUID;
import java.util.logging.Level;
import java.util.logging.Logger;
import org.eclipse.microprofile.faulttolerance.exceptions.BulkheadException;
import org.eclipse.microprofile.jwt.JsonWebToken;

/**
 * The one place where exceptions become answers: every failure is a problem+json of a stable type,
 * never a stack trace. Unexpected failures are logged with an incident id the answer repeats.
 */
@Provider
public class ProblemMapper implements ExceptionMapper<Throwable> {
  private static final Logger LOG = Logger.getLogger(ProblemMapper.class.getName());

  @Context HttpServletRequest request;
  @Context SecurityContext security;

  @Override
  public Response toResponse(Throwable e) {
    if (e instanceof ProblemException p) {
      return Problems.response(p.type(), p.getMessage());
    }
    if (e instanceof NotAllowedException n) {
      Response r = Problems.response(ProblemType.METHOD_NOT_ALLOWED, null);
      return Response.fromResponse(r).allow(n.getResponse().getAllowedMethods()).build();
    }
    ProblemType type = typeOf(e);
    if (type == ProblemType.FORBIDDEN) {
      Principal who = security == null ? null : security.getUserPrincipal();
      RefusedRequests.rolesRefused(
          request.getMethod(),
          request.getRequestURI(),
          who instanceof JsonWebToken token ? Callers.actor(token) : null);
    }
    if (type == ProblemType.UNAUTHORIZED) {
      TokenRefusal refusal =
          RefusedRequests.tokenRefused(
              request.getMethod(), request.getRequestURI(), request.getHeader("Authorization"));
      Response.ResponseBuilder problem =
          Response.fromResponse(Problems.response(type, refusal.reason()));
      RefusedRequests.challenge(refusal).ifPresent(c -> problem.header("WWW-Authenticate", c));
      return problem.build();
    }
    if (type == null) {
      String incident = UUID.randomUUID().toString();
      LOG.log(Level.SEVERE, "request failed, incident " + incident, e);
      return Problems.response(ProblemType.INTERNAL_ERROR, "incident " + incident);
    }
    return Problems.response(type, detailOf(type, e));
  }

  private static ProblemType typeOf(Throwable e) {
    if (e instanceof InvalidInputException) {
      return ProblemType.INVALID_REQUEST;
    }
    if (e instanceof UnknownCollectionException) {
      return ProblemType.UNKNOWN_COLLECTION;
    }
    if (e instanceof UnknownDocumentException) {
      return ProblemType.UNKNOWN_DOCUMENT;
    }
    if (e instanceof CollectionExistsException) {
      return ProblemType.COLLECTION_EXISTS;
    }
    if (e instanceof DocumentConflictException) {
      return ProblemType.CONCURRENT_WRITE;
    }
    if (e instanceof ContentTooLargeException) {
      return ProblemType.CONTENT_TOO_LARGE;
    }
    if (e instanceof StoredContentIntegrityException) {
      return ProblemType.INTEGRITY_FAILURE;
    }
    if (e instanceof ModeRefusedException m) {
      return switch (m.refusal()) {
        case KEY_REVOKED -> ProblemType.KEY_REVOKED;
        case READ_ONLY -> ProblemType.READ_ONLY;
        case NOT_SERVED_WHILE_DEGRADED, KEY_NOT_CACHED -> ProblemType.NOT_SERVED_WHILE_DEGRADED;
      };
    }
    if (e instanceof KeyServiceException k) {
      return switch (k.reason()) {
        case REVOKED, REFUSED, KEY_NOT_FOUND -> ProblemType.KEY_REVOKED;
        default -> ProblemType.KEY_SERVICE_UNAVAILABLE;
      };
    }
    if (e instanceof AuditUnavailableException) {
      return ProblemType.AUDIT_UNAVAILABLE;
    }
    if (e instanceof StorageUnavailableException) {
      return ProblemType.STORAGE_UNAVAILABLE;
    }
    if (e instanceof BulkheadException) {
      return ProblemType.TOO_BUSY;
    }
    if (e instanceof JsonException) {
      return ProblemType.INVALID_JSON;
    }
    if (e instanceof IOException) {
      return ProblemType.INCOMPLETE_UPLOAD;
    }
    if (e instanceof NotAuthorizedException) {
      return ProblemType.UNAUTHORIZED;
    }
    if (e instanceof ForbiddenException) {
      return ProblemType.FORBIDDEN;
    }
    if (e instanceof NotFoundException) {
      return ProblemType.NOT_FOUND;
    }
    if (e instanceof NotSupportedException) {
      return ProblemType.UNSUPPORTED_MEDIA_TYPE;
    }
    if (e instanceof NotAcceptableException) {
      return ProblemType.NOT_ACCEPTABLE;
    }
    if (e instanceof BadRequestException) {
      return ProblemType.INVALID_REQUEST;
    }
    if (e instanceof WebApplicationException w) {
      int status = w.getResponse().getStatus();
      if (status == 413) {
        return ProblemType.CONTENT_TOO_LARGE;
      }
      if (status >= 400 && status < 500) {
        return ProblemType.INVALID_REQUEST;
      }
    }
    return null;
  }

  /** What the client may learn: our own messages; nothing for integrity failures. */
  private static String detailOf(ProblemType type, Throwable e) {
    return switch (type) {
      case INVALID_REQUEST,
          UNKNOWN_COLLECTION,
          UNKNOWN_DOCUMENT,
          COLLECTION_EXISTS,
          CONCURRENT_WRITE,
          CONTENT_TOO_LARGE ->
          e instanceof WebApplicationException ? null : e.getMessage();
      case KEY_REVOKED, READ_ONLY, NOT_SERVED_WHILE_DEGRADED ->
          e instanceof ModeRefusedException ? e.getMessage() : keyServiceDetail(e);
      case KEY_SERVICE_UNAVAILABLE -> keyServiceDetail(e);
      default -> null;
    };
  }

  private static String keyServiceDetail(Throwable e) {
    return "the bridge answered: "
        + ((KeyServiceException) e).reason().name().toLowerCase(Locale.ROOT).replace('_', '-');
  }
}
