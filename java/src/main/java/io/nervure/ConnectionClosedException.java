// generated from the definition in bindings/api/ by bindings/generator; do not edit
package io.nervure;

/** The connection is closed (or draining) and cannot do this. (ConnectionClosedError, code 2) */
public class ConnectionClosedException extends NervureException {
  private static final long serialVersionUID = 1L;

  /** @param message what went wrong */
  public ConnectionClosedException(String message) {
    super(message);
  }
}
