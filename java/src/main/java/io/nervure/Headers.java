package io.nervure;

import java.util.ArrayList;
import java.util.Collections;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Set;

/**
 * Message headers: ordered, multi-valued, keys kept with the case they were
 * given (lookups are exact, as on the wire).
 */
public final class Headers {
  private final List<String> kv;

  /** Empty headers. */
  public Headers() {
    this.kv = new ArrayList<>();
  }

  private Headers(String[] alternating) {
    this.kv = new ArrayList<>(alternating.length);
    Collections.addAll(kv, alternating);
  }

  static Headers fromNative(String[] alternating) {
    return alternating == null ? null : new Headers(alternating);
  }

  /**
   * Appends a value; the key may repeat.
   *
   * @param key the key (case kept)
   * @param value the value
   * @return these headers
   */
  public Headers add(String key, String value) {
    kv.add(Objects.requireNonNull(key, "key"));
    kv.add(Objects.requireNonNull(value, "value"));
    return this;
  }

  /**
   * Replaces every value of a key.
   *
   * @param key the key
   * @param values the new values
   * @return these headers
   */
  public Headers put(String key, String... values) {
    remove(key);
    for (String v : values) add(key, v);
    return this;
  }

  /**
   * @param key a key
   * @return true when it was there
   */
  public boolean remove(String key) {
    boolean found = false;
    for (int i = kv.size() - 2; i >= 0; i -= 2) {
      if (kv.get(i).equals(key)) {
        kv.remove(i + 1);
        kv.remove(i);
        found = true;
      }
    }
    return found;
  }

  /**
   * @param key a key (exact case)
   * @return its values in order; empty when absent
   */
  public List<String> get(String key) {
    List<String> out = new ArrayList<>(1);
    for (int i = 0; i < kv.size(); i += 2) if (kv.get(i).equals(key)) out.add(kv.get(i + 1));
    return out;
  }

  /**
   * @param key a key (exact case)
   * @return its first value, or null
   */
  public String getFirst(String key) {
    for (int i = 0; i < kv.size(); i += 2) if (kv.get(i).equals(key)) return kv.get(i + 1);
    return null;
  }

  /** @return the distinct keys in order of first appearance */
  public Set<String> keys() {
    Set<String> out = new LinkedHashSet<>();
    for (int i = 0; i < kv.size(); i += 2) out.add(kv.get(i));
    return out;
  }

  /** @return every key/value pair in order */
  public List<Map.Entry<String, String>> entries() {
    List<Map.Entry<String, String>> out = new ArrayList<>(kv.size() / 2);
    for (int i = 0; i < kv.size(); i += 2) out.add(Map.entry(kv.get(i), kv.get(i + 1)));
    return out;
  }

  /** @return the number of key/value pairs */
  public int size() {
    return kv.size() / 2;
  }

  /** @return true when there are none */
  public boolean isEmpty() {
    return kv.isEmpty();
  }

  String[] toNative() {
    return kv.isEmpty() ? null : kv.toArray(new String[0]);
  }

  @Override
  public boolean equals(Object o) {
    return o instanceof Headers h && h.kv.equals(kv);
  }

  @Override
  public int hashCode() {
    return kv.hashCode();
  }

  @Override
  public String toString() {
    return entries().toString();
  }
}
