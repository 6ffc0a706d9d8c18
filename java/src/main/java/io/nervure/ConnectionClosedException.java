// generated from the definition in bindings/api/ by bindings/generator; do not edit
package io.nervure;

/** The connection is closed (or draining) and cannot do this. (ConnectionClosedError, code 2) */
public class ConnectionClosedException extends NervureException {
  private static final long serialVersionUID = 1L;

  /** @param message what went wrong */
  public ConnectionClosedException(String message) {
    super(message);
  }

  /** @return the code every language shares for this error (2) */
  public int errorCode() {
    return 2;
  }

  /** @return the name every language shares for this error ("ConnectionClosedError") */
  public String errorName() {
    return "ConnectionClosedError";
  }
}
