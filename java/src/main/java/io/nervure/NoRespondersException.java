// generated from the definition in bindings/api/ by bindings/generator; do not edit
package io.nervure;

/** A request found nobody listening on its subject. (NoRespondersError, code 4) */
public class NoRespondersException extends NervureException {
  private static final long serialVersionUID = 1L;

  /** @param message what went wrong */
  public NoRespondersException(String message) {
    super(message);
  }
}
