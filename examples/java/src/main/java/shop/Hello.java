package shop;

import io.nervure.Connection;
import io.nervure.Message;
import io.nervure.Nervure;
import io.nervure.Options;
import io.nervure.Subscription;
import java.nio.charset.StandardCharsets;
import java.time.Duration;

/** The smallest nervure program: publish, receive, request, reply. */
public final class Hello {
  public static void main(String[] args) {
    String url = System.getenv().getOrDefault("NERVURE_URL", "nats://127.0.0.1:4222");
    try (Connection nc = Nervure.connect(Options.builder().server(url).name("hello").build())) {
      Subscription sub = nc.subscribe("hello.>");
      nc.subscribe("hello.service", m -> m.respond(("hello, " + m.dataAsString()).getBytes(StandardCharsets.UTF_8)));
      nc.flush(Duration.ofSeconds(2));
      nc.publish("hello.world", "hi".getBytes(StandardCharsets.UTF_8));
      Message msg = sub.nextMessage(Duration.ofSeconds(2));
      System.out.println("received '" + msg.dataAsString() + "' on " + msg.subject());
      Message reply = nc.request("hello.service", "nervure".getBytes(StandardCharsets.UTF_8), Duration.ofSeconds(2));
      System.out.println("reply '" + reply.dataAsString() + "'");
    }
  }
}
