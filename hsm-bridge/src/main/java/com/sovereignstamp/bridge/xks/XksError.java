package com.sovereignstamp.bridge.xks;

/** Every error the XKS proxy API v1 defines, with its HTTP status. */
public enum XksError {
  VALIDATION(400, "ValidationException"),
  INVALID_STATE(400, "InvalidStateException"),
  INVALID_CIPHERTEXT(400, "InvalidCiphertextException"),
  INVALID_KEY_USAGE(400, "InvalidKeyUsageException"),
  AUTHENTICATION_FAILED(401, "AuthenticationFailedException"),
  ACCESS_DENIED(403, "AccessDeniedException"),
  KEY_NOT_FOUND(404, "KeyNotFoundException"),
  INVALID_URI_PATH(404, "InvalidUriPathException"),
  THROTTLING(429, "ThrottlingException"),
  INTERNAL(500, "InternalException"),
  UNSUPPORTED_OPERATION(501, "UnsupportedOperationException"),
  DEPENDENCY_TIMEOUT(503, "DependencyTimeoutException");

  private final int status;
  private final String errorName;

  XksError(int status, String errorName) {
    this.status = status;
    this.errorName = errorName;
  }

  public int status() {
    return status;
  }

  public String errorName() {
    return errorName;
  }
}
