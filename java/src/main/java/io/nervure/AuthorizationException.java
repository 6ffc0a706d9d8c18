// generated from the definition in bindings/api/ by bindings/generator; do not edit
package io.nervure;

/** The server refused the credentials. (AuthorizationError, code 7) */
public class AuthorizationException extends NervureException {
  private static final long serialVersionUID = 1L;

  /** @param message what went wrong */
  public AuthorizationException(String message) {
    super(message);
  }
}
