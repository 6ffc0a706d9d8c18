// generated from the definition in bindings/api/ by bindings/generator; do not edit
package io.nervure;

/** A request found nobody listening on its subject. (NoRespondersError, code 4) */
public class NoRespondersException extends NervureException {
  private static final long serialVersionUID = 1L;

  /** @param message what went wrong */
  public NoRespondersException(String message) {
    super(message);
  }

  /** @return the code every language shares for this error (4) */
  public int errorCode() {
    return 4;
  }

  /** @return the name every language shares for this error ("NoRespondersError") */
  public String errorName() {
    return "NoRespondersError";
  }
}
