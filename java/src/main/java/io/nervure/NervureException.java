// generated from the definition in bindings/api/ by bindings/generator; do not edit
package io.nervure;

/** Root of every nervure error. (NervureError, code 1) */
public class NervureException extends RuntimeException {
  private static final long serialVersionUID = 1L;

  /** @param message what went wrong */
  public NervureException(String message) {
    super(message);
  }

  /** @return the code every language shares for this error (1) */
  public int errorCode() {
    return 1;
  }

  /** @return the name every language shares for this error ("NervureError") */
  public String errorName() {
    return "NervureError";
  }

  /** @param message what went wrong @param cause the underlying failure */
  public NervureException(String message, Throwable cause) {
    super(message, cause);
  }
}
