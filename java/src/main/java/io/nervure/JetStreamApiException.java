// generated from the definition in bindings/api/ by bindings/generator; do not edit
package io.nervure;

/** The JetStream API answered with an error. (JetStreamApiError, code 9) */
public class JetStreamApiException extends NervureException {
  private static final long serialVersionUID = 1L;

  private final long code;
  private final long errCode;

  /** @param message what went wrong */
  public JetStreamApiException(String message, long code, long errCode) {
    super(message);
    this.code = code;
    this.errCode = errCode;
  }

  /** @return The server's HTTP-like status (400, 404, 503...). */
  public long code() {
    return code;
  }

  /** @return The server's JetStream error code (10058 stream name in use...). */
  public long errCode() {
    return errCode;
  }

  /** @return the code every language shares for this error (9) */
  public int errorCode() {
    return 9;
  }

  /** @return the name every language shares for this error ("JetStreamApiError") */
  public String errorName() {
    return "JetStreamApiError";
  }
}
