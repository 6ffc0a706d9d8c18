// generated from the definition in bindings/api/ by bindings/generator; do not edit
package io.nervure;

/** An option or argument is not valid (bad URL, bad creds file, bad number). (InvalidArgumentError, code 12) */
public class InvalidArgumentException extends NervureException {
  private static final long serialVersionUID = 1L;

  /** @param message what went wrong */
  public InvalidArgumentException(String message) {
    super(message);
  }

  /** @return the code every language shares for this error (12) */
  public int errorCode() {
    return 12;
  }

  /** @return the name every language shares for this error ("InvalidArgumentError") */
  public String errorName() {
    return "InvalidArgumentError";
  }
}
