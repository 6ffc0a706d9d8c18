package shop;

import io.nervure.Connection;
import io.nervure.Message;
import io.nervure.Nervure;
import io.nervure.Options;
import io.nervure.Subscription;
import io.nervure.TimeoutException;
import java.time.Duration;
import java.util.Map;

/** Reads everything under shop.> and prints one line per message, until idle (seconds in args[0]). */
public final class Audit {
  public static void main(String[] args) {
    String url = System.getenv().getOrDefault("NERVURE_URL", "nats://127.0.0.1:4222");
    Duration idle = Duration.ofMillis((long) (1000 * Double.parseDouble(args.length > 0 ? args[0] : "5")));
    try (Connection nc = Nervure.connect(Options.builder().server(url).name("audit-java").build())) {
      Subscription sub = nc.subscribe("shop.>");
      nc.flush(Duration.ofSeconds(2));
      System.out.println("audit: watching shop.>");
      try {
        while (true) {
          Message m = sub.nextMessage(idle);
          StringBuilder line = new StringBuilder("audit: " + m.subject() + " " + m.dataAsString());
          for (Map.Entry<String, String> h : m.headers().entries()) {
            line.append(" [").append(h.getKey()).append('=').append(h.getValue()).append(']');
          }
          System.out.println(line);
        }
      } catch (TimeoutException e) {
        System.out.println("audit: idle, done");
      }
    }
  }
}
