// generated from the definition in bindings/api/ by bindings/generator; do not edit
package io.nervure;

/** A subscription fell behind and messages were dropped. (SlowConsumerError, code 8) */
public class SlowConsumerException extends NervureException {
  private static final long serialVersionUID = 1L;

  /** @param message what went wrong */
  public SlowConsumerException(String message) {
    super(message);
  }

  /** @return the code every language shares for this error (8) */
  public int errorCode() {
    return 8;
  }

  /** @return the name every language shares for this error ("SlowConsumerError") */
  public String errorName() {
    return "SlowConsumerError";
  }
}
