// generated from the definition in bindings/api/ by bindings/generator; do not edit
package io.nervure;

/** The server refused the credentials. (AuthorizationError, code 7) */
public class AuthorizationException extends NervureException {
  private static final long serialVersionUID = 1L;

  /** @param message what went wrong */
  public AuthorizationException(String message) {
    super(message);
  }

  /** @return the code every language shares for this error (7) */
  public int errorCode() {
    return 7;
  }

  /** @return the name every language shares for this error ("AuthorizationError") */
  public String errorName() {
    return "AuthorizationError";
  }
}
