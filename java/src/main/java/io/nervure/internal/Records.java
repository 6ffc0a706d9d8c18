// generated from the definition in bindings/api/ by bindings/generator; do not edit
package io.nervure.internal;

import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;

/** Decoders of records that cross the boundary in batches (one byte[] per batch:
 *  a count, then per item its fields in order; strings and bytes as a 32-bit
 *  length then the bytes; headers as a count then key/value strings; numbers
 *  as 64-bit little-endian). */
public final class Records {
  private Records() {}

  static String str(ByteBuffer b) {
    int n = b.getInt();
    if (n == 0) return "";
    String s = new String(b.array(), b.position(), n, StandardCharsets.UTF_8);
    b.position(b.position() + n);
    return s;
  }

  /** The last string decoded for one field: repeated subjects share one String. */
  static final class Last {
    int pos = -1;
    int len;
    String value;
  }

  static String str(ByteBuffer b, Last last) {
    int n = b.getInt();
    if (n == 0) return "";
    int p = b.position();
    byte[] a = b.array();
    String s;
    if (last.len == n && last.pos >= 0 && java.util.Arrays.equals(a, last.pos, last.pos + n, a, p, p + n)) {
      s = last.value;
    } else {
      s = new String(a, p, n, StandardCharsets.UTF_8);
      last.pos = p;
      last.len = n;
      last.value = s;
    }
    b.position(p + n);
    return s;
  }

  static byte[] bytes(ByteBuffer b) {
    int n = b.getInt();
    byte[] d = new byte[n];
    b.get(d);
    return d;
  }

  static String[] headers(ByteBuffer b) {
    int n = b.getInt();
    if (n == 0) return null;
    String[] kv = new String[2 * n];
    for (int i = 0; i < 2 * n; i++) kv[i] = str(b);
    return kv;
  }

  static List<String> strings(ByteBuffer b) {
    int n = b.getInt();
    List<String> l = new ArrayList<>(n);
    for (int i = 0; i < n; i++) l.add(str(b));
    return l;
  }

  /** Builds one item of a message batch: A received message. */
  @FunctionalInterface
  public interface MessageFactory<T> {
    T make(String subject, String reply, byte[] data, String[] headers, long status);
  }

  /** Decodes an encoded message batch into out. */
  public static <T> void decodeMessage(byte[] encoded, MessageFactory<T> factory, List<? super T> out) {
    ByteBuffer b = ByteBuffer.wrap(encoded).order(ByteOrder.LITTLE_ENDIAN);
    int count = b.getInt();
    Last lastSubject = new Last();
    Last lastReply = new Last();
    for (int i = 0; i < count; i++) {
      String subject = str(b, lastSubject);
      String reply = str(b, lastReply);
      byte[] data = bytes(b);
      String[] headers = headers(b);
      long status = b.getLong();
      out.add(factory.make(subject, reply, data, headers, status));
    }
  }

}
