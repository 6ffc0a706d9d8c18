// generated from the definition in bindings/api/ by bindings/generator; do not edit
package io.nervure;

/** No answer in time: a request, a flush, a next message. (TimeoutError, code 3) */
public class TimeoutException extends NervureException {
  private static final long serialVersionUID = 1L;

  /** @param message what went wrong */
  public TimeoutException(String message) {
    super(message);
  }

  /** @return the code every language shares for this error (3) */
  public int errorCode() {
    return 3;
  }

  /** @return the name every language shares for this error ("TimeoutError") */
  public String errorName() {
    return "TimeoutError";
  }
}
