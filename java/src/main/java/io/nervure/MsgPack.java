package io.nervure;

import java.io.ByteArrayOutputStream;
import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Collection;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * The MessagePack subset actor arguments, results and state cross languages
 * with: null, booleans, integers (read back as Long), floating point (Double),
 * strings, byte[], lists (and arrays) and maps (read back as LinkedHashMap).
 */
public final class MsgPack {
  private MsgPack() {}

  /**
   * @param value a value of the supported types
   * @return its MessagePack encoding
   * @throws InvalidArgumentException for a value of another type
   */
  public static byte[] pack(Object value) {
    ByteArrayOutputStream out = new ByteArrayOutputStream();
    write(out, value);
    return out.toByteArray();
  }

  /**
   * @param data MessagePack (empty: null)
   * @return the value
   * @throws InvalidArgumentException for data that is not (supported) MessagePack
   */
  public static Object unpack(byte[] data) {
    if (data == null || data.length == 0) return null;
    try {
      return read(ByteBuffer.wrap(data));
    } catch (RuntimeException e) {
      if (e instanceof InvalidArgumentException) throw e;
      throw new InvalidArgumentException("not valid MessagePack: " + e);
    }
  }

  private static void u8(ByteArrayOutputStream o, int v) {
    o.write(v & 0xff);
  }

  private static void be(ByteArrayOutputStream o, long v, int bytes) {
    for (int i = bytes - 1; i >= 0; i--) o.write((int) (v >>> (8 * i)) & 0xff);
  }

  private static void header(ByteArrayOutputStream o, int n, int fix, int fixMax, int c8, int c16, int c32) {
    if (fix >= 0 && n <= fixMax) {
      u8(o, fix | n);
    } else if (c8 >= 0 && n <= 0xff) {
      u8(o, c8);
      be(o, n, 1);
    } else if (n <= 0xffff) {
      u8(o, c16);
      be(o, n, 2);
    } else {
      u8(o, c32);
      be(o, n, 4);
    }
  }

  private static void write(ByteArrayOutputStream o, Object v) {
    if (v == null) {
      u8(o, 0xc0);
    } else if (v instanceof Boolean b) {
      u8(o, b ? 0xc3 : 0xc2);
    } else if (v instanceof Long || v instanceof Integer || v instanceof Short || v instanceof Byte) {
      long n = ((Number) v).longValue();
      if (n >= 0 && n < 128) {
        u8(o, (int) n);
      } else if (n < 0 && n >= -32) {
        u8(o, (int) n);
      } else if (n >= 0) {
        if (n <= 0xff) { u8(o, 0xcc); be(o, n, 1); }
        else if (n <= 0xffff) { u8(o, 0xcd); be(o, n, 2); }
        else if (n <= 0xffffffffL) { u8(o, 0xce); be(o, n, 4); }
        else { u8(o, 0xcf); be(o, n, 8); }
      } else {
        if (n >= Byte.MIN_VALUE) { u8(o, 0xd0); be(o, n, 1); }
        else if (n >= Short.MIN_VALUE) { u8(o, 0xd1); be(o, n, 2); }
        else if (n >= Integer.MIN_VALUE) { u8(o, 0xd2); be(o, n, 4); }
        else { u8(o, 0xd3); be(o, n, 8); }
      }
    } else if (v instanceof Float f) {
      u8(o, 0xca);
      be(o, Float.floatToIntBits(f), 4);
    } else if (v instanceof Double d) {
      u8(o, 0xcb);
      be(o, Double.doubleToLongBits(d), 8);
    } else if (v instanceof String s) {
      byte[] b = s.getBytes(StandardCharsets.UTF_8);
      header(o, b.length, 0xa0, 31, 0xd9, 0xda, 0xdb);
      o.writeBytes(b);
    } else if (v instanceof byte[] b) {
      header(o, b.length, -1, -1, 0xc4, 0xc5, 0xc6);
      o.writeBytes(b);
    } else if (v instanceof Collection<?> c) {
      header(o, c.size(), 0x90, 15, -1, 0xdc, 0xdd);
      for (Object x : c) write(o, x);
    } else if (v instanceof Object[] a) {
      header(o, a.length, 0x90, 15, -1, 0xdc, 0xdd);
      for (Object x : a) write(o, x);
    } else if (v instanceof Map<?, ?> m) {
      header(o, m.size(), 0x80, 15, -1, 0xde, 0xdf);
      for (Map.Entry<?, ?> e : m.entrySet()) {
        write(o, e.getKey());
        write(o, e.getValue());
      }
    } else {
      throw new InvalidArgumentException("MessagePack cannot carry a " + v.getClass().getName());
    }
  }

  private static int len(ByteBuffer b, int bytes) {
    long n = bytes == 1 ? b.get() & 0xff : bytes == 2 ? b.getShort() & 0xffff : b.getInt() & 0xffffffffL;
    if (n > b.remaining() * 8L + 16) throw new InvalidArgumentException("MessagePack length out of range");
    return (int) n;
  }

  private static String str(ByteBuffer b, int n) {
    String s = new String(b.array(), b.position(), n, StandardCharsets.UTF_8);
    b.position(b.position() + n);
    return s;
  }

  private static byte[] bin(ByteBuffer b, int n) {
    byte[] d = new byte[n];
    b.get(d);
    return d;
  }

  private static List<Object> array(ByteBuffer b, int n) {
    List<Object> l = new ArrayList<>(Math.min(n, 1024));
    for (int i = 0; i < n; i++) l.add(read(b));
    return l;
  }

  private static Map<Object, Object> map(ByteBuffer b, int n) {
    Map<Object, Object> m = new LinkedHashMap<>();
    for (int i = 0; i < n; i++) m.put(read(b), read(b));
    return m;
  }

  private static Object read(ByteBuffer b) {
    int t = b.get() & 0xff;
    if (t <= 0x7f) return (long) t;
    if (t >= 0xe0) return (long) (byte) t;
    if ((t & 0xe0) == 0xa0) return str(b, t & 0x1f);
    if ((t & 0xf0) == 0x90) return array(b, t & 0x0f);
    if ((t & 0xf0) == 0x80) return map(b, t & 0x0f);
    switch (t) {
      case 0xc0: return null;
      case 0xc2: return false;
      case 0xc3: return true;
      case 0xc4: return bin(b, len(b, 1));
      case 0xc5: return bin(b, len(b, 2));
      case 0xc6: return bin(b, len(b, 4));
      case 0xca: return (double) b.getFloat();
      case 0xcb: return b.getDouble();
      case 0xcc: return (long) (b.get() & 0xff);
      case 0xcd: return (long) (b.getShort() & 0xffff);
      case 0xce: return b.getInt() & 0xffffffffL;
      case 0xcf: return b.getLong();
      case 0xd0: return (long) b.get();
      case 0xd1: return (long) b.getShort();
      case 0xd2: return (long) b.getInt();
      case 0xd3: return b.getLong();
      case 0xd9: return str(b, len(b, 1));
      case 0xda: return str(b, len(b, 2));
      case 0xdb: return str(b, len(b, 4));
      case 0xdc: return array(b, len(b, 2));
      case 0xdd: return array(b, len(b, 4));
      case 0xde: return map(b, len(b, 2));
      case 0xdf: return map(b, len(b, 4));
      default: throw new InvalidArgumentException("unsupported MessagePack type 0x" + Integer.toHexString(t));
    }
  }
}
