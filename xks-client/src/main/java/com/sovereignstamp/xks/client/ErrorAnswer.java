package com.sovereignstamp.xks.client;

import jakarta.json.JsonObject;

/** Turns a non-2xx answer into an {@link XksException}. */
final class ErrorAnswer {
  /** The errorName of an error answer whose body is not the API's error object. */
  static final String UNEXPECTED = "UnexpectedResponse";

  private ErrorAnswer() {}

  static XksException toException(int status, byte[] body) {
    JsonObject json;
    try {
      json = Json.read(status, body);
    } catch (XksException notJson) {
      return new XksException(status, UNEXPECTED, "the error answer is not JSON");
    }
    String name;
    String message;
    try {
      name = Json.string(status, json, "errorName");
      message = Json.optionalString(status, json, "errorMessage");
    } catch (XksException notXks) {
      return new XksException(status, UNEXPECTED, "the error answer has no errorName");
    }
    return new XksException(status, name, message);
  }
}
