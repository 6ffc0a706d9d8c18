// generated from the definition in bindings/api/ by bindings/generator; do not edit
package io.nervure;

/** The message is larger than the server accepts. (MaxPayloadError, code 6) */
public class MaxPayloadException extends NervureException {
  private static final long serialVersionUID = 1L;

  /** @param message what went wrong */
  public MaxPayloadException(String message) {
    super(message);
  }

  /** @return the code every language shares for this error (6) */
  public int errorCode() {
    return 6;
  }

  /** @return the name every language shares for this error ("MaxPayloadError") */
  public String errorName() {
    return "MaxPayloadError";
  }
}
