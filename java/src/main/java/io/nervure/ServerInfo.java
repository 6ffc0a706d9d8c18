package io.nervure;

import java.util.regex.Matcher;
import java.util.regex.Pattern;

/** The INFO of the server in use: the fields every language relies on, and the JSON as sent. */
public final class ServerInfo {
  private final String json;

  ServerInfo(String json) {
    this.json = json;
  }

  private String field(String name) {
    Matcher m = Pattern.compile("\"" + name + "\"\\s*:\\s*(\"((?:[^\"\\\\]|\\\\.)*)\"|[^,}\\s]+)").matcher(json);
    if (!m.find()) return null;
    return m.group(2) != null ? m.group(2) : m.group(1);
  }

  /** @return the INFO as JSON */
  public String json() {
    return json;
  }

  /** @return the server's unique id */
  public String serverId() {
    return field("server_id");
  }

  /** @return its configured name */
  public String serverName() {
    return field("server_name");
  }

  /** @return the nats-server version */
  public String version() {
    return field("version");
  }

  /** @return the largest message it accepts */
  public long maxPayload() {
    String v = field("max_payload");
    return v == null ? 0 : Long.parseLong(v);
  }

  /** @return whether it supports headers */
  public boolean headers() {
    return "true".equals(field("headers"));
  }

  /** @return whether JetStream is enabled */
  public boolean jetstream() {
    return "true".equals(field("jetstream"));
  }

  /** @return the cluster name, or null */
  public String cluster() {
    return field("cluster");
  }

  @Override
  public String toString() {
    return json;
  }
}
