// generated from the definition in bindings/api/ by bindings/generator; do not edit
package io.nervure;

/** A subject or queue group name is not valid. (InvalidSubjectError, code 5) */
public class InvalidSubjectException extends NervureException {
  private static final long serialVersionUID = 1L;

  /** @param message what went wrong */
  public InvalidSubjectException(String message) {
    super(message);
  }

  /** @return the code every language shares for this error (5) */
  public int errorCode() {
    return 5;
  }

  /** @return the name every language shares for this error ("InvalidSubjectError") */
  public String errorName() {
    return "InvalidSubjectError";
  }
}
