// generated from the definition in bindings/api/ by bindings/generator; do not edit
package io.nervure;

/** The connected server cannot honour this feature. (NotSupportedByServerError, code 10) */
public class NotSupportedByServerException extends NervureException {
  private static final long serialVersionUID = 1L;

  /** @param message what went wrong */
  public NotSupportedByServerException(String message) {
    super(message);
  }

  /** @return the code every language shares for this error (10) */
  public int errorCode() {
    return 10;
  }

  /** @return the name every language shares for this error ("NotSupportedByServerError") */
  public String errorName() {
    return "NotSupportedByServerError";
  }
}
