package io.nervure;

import java.io.BufferedReader;
import java.io.File;
import java.io.IOException;
import java.io.InputStreamReader;
import java.io.OutputStreamWriter;
import java.io.Writer;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/** Real nats-server processes from tests/harness/nervure_harness.py (its line protocol). */
final class NatsServer implements AutoCloseable {
  private final Process process;
  private final BufferedReader out;
  private final Writer in;
  final String info;

  NatsServer(String kind, String... extra) {
    String root = System.getProperty("nervure.root", "..");
    List<String> cmd = new ArrayList<>(List.of("python3", root + "/tests/harness/nervure_harness.py", "serve",
        "--kind", kind));
    cmd.addAll(List.of(extra));
    try {
      ProcessBuilder pb = new ProcessBuilder(cmd).redirectError(ProcessBuilder.Redirect.INHERIT);
      if (System.getenv("NERVURE_NATS_SERVER") == null) {
        File pinned = new File(root, "build/tools/nats-server");
        if (pinned.canExecute()) pb.environment().put("NERVURE_NATS_SERVER", pinned.getAbsolutePath());
      }
      process = pb.start();
      out = new BufferedReader(new InputStreamReader(process.getInputStream(), StandardCharsets.UTF_8));
      in = new OutputStreamWriter(process.getOutputStream(), StandardCharsets.UTF_8);
      info = out.readLine();
    } catch (IOException e) {
      throw new IllegalStateException("cannot start the harness", e);
    }
    if (info == null || !info.contains("\"ok\": true") && !info.contains("\"ok\":true")) {
      process.destroy();
      throw new IllegalStateException("harness failed: " + info);
    }
  }

  static NatsServer single() {
    return new NatsServer("single");
  }

  String field(String name) {
    Matcher m = Pattern.compile("\"" + name + "\"\\s*:\\s*\"((?:[^\"\\\\]|\\\\.)*)\"").matcher(info);
    return m.find() ? m.group(1) : null;
  }

  String url() {
    return field("url");
  }

  List<String> urls() {
    Matcher m = Pattern.compile("\"urls\"\\s*:\\s*\\[([^\\]]*)\\]").matcher(info);
    List<String> r = new ArrayList<>();
    if (m.find()) for (String s : m.group(1).split(",")) r.add(s.trim().replace("\"", ""));
    return r;
  }

  /** Sends one command (restart 0, kill 0, start 0...) and returns its answer line. */
  String command(String line) {
    try {
      in.write(line + "\n");
      in.flush();
      String answer = out.readLine();
      if (answer == null || !answer.contains("\"ok\": true") && !answer.contains("\"ok\":true")) {
        throw new IllegalStateException(line + ": " + answer);
      }
      return answer;
    } catch (IOException e) {
      throw new IllegalStateException(e);
    }
  }

  @Override
  public void close() {
    try {
      in.close();
      if (!process.waitFor(20, java.util.concurrent.TimeUnit.SECONDS)) process.destroy();
    } catch (IOException | InterruptedException e) {
      process.destroy();
    }
  }
}
