package shop;

import io.nervure.Connection;
import io.nervure.Headers;
import io.nervure.Message;
import io.nervure.Nervure;
import io.nervure.Options;
import io.nervure.Subscription;
import io.nervure.TimeoutException;
import java.nio.charset.StandardCharsets;
import java.time.Duration;

/** Answers shop.payments.authorise in the queue group "payments": approves amounts up to 500, declines above. */
public final class PaymentService {
  public static void main(String[] args) {
    String url = System.getenv().getOrDefault("NERVURE_URL", "nats://127.0.0.1:4222");
    try (Connection nc = Nervure.connect(Options.builder().server(url).name("payment-service-java").build())) {
      Subscription sub = nc.subscribe("shop.payments.authorise", "payments");
      nc.flush(Duration.ofSeconds(2));
      System.out.println("payment-service: listening on shop.payments.authorise");
      try {
        while (true) {
          Message req = sub.nextMessage(Duration.ofSeconds(30));
          String amount = req.dataAsString();
          String verdict = Double.parseDouble(amount.isEmpty() ? "0" : amount) <= 500 ? "approved" : "declined";
          req.respond(verdict.getBytes(StandardCharsets.UTF_8), new Headers().add("Payment-Verdict", verdict));
          System.out.println("payment-service: " + amount + " -> " + verdict);
        }
      } catch (TimeoutException | IllegalStateException done) {
        // idle or unsubscribed: stop
      }
    }
  }
}
