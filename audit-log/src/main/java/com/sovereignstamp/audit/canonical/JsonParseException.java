package com.sovereignstamp.audit.canonical;

/**
 * Thrown when bytes are not a strict RFC 8259 JSON text within this package's data model.
 *
 * <p>It is an {@link IllegalArgumentException}: the input, not the parser, is at fault.
 */
public final class JsonParseException extends IllegalArgumentException {

  private static final long serialVersionUID = 1L;

  private final int offset;

  /**
   * Creates the exception.
   *
   * @param message what is wrong
   * @param offset where, as a char index into the UTF-8-decoded text (-1 if not known)
   */
  public JsonParseException(String message, int offset) {
    super(offset >= 0 ? message + " at offset " + offset : message);
    this.offset = offset;
  }

  /**
   * Returns where the problem is.
   *
   * @return a char index into the decoded text, or -1 if the input could not be decoded
   */
  public int offset() {
    return offset;
  }
}
