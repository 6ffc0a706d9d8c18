// generated from the definition in bindings/api/ by bindings/generator; do not edit
package io.nervure;

/** An actor method failed remotely. (ActorError, code 11) */
public class ActorException extends NervureException {
  private static final long serialVersionUID = 1L;

  private final String remoteType;

  /** @param message what went wrong */
  public ActorException(String message, String remoteType) {
    super(message);
    this.remoteType = remoteType;
  }

  /** @return The type of the error the actor raised, as its language names it. */
  public String remoteType() {
    return remoteType;
  }

  /** @return the code every language shares for this error (11) */
  public int errorCode() {
    return 11;
  }

  /** @return the name every language shares for this error ("ActorError") */
  public String errorName() {
    return "ActorError";
  }
}
