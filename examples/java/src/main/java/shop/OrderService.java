package shop;

import io.nervure.Connection;
import io.nervure.Headers;
import io.nervure.Nervure;
import io.nervure.NervureException;
import io.nervure.Options;
import java.nio.charset.StandardCharsets;
import java.time.Duration;

/** Creates orders: asks the payment service to authorise each, then announces it on shop.orders.order.created. */
public final class OrderService {
  private static final String[][] ORDERS = {{"o-2001", "teapot", "35.00"}, {"o-2002", "coffee-grinder", "640.00"},
      {"o-2003", "filter-papers", "4.20"}};

  public static void main(String[] args) {
    String url = System.getenv().getOrDefault("NERVURE_URL", "nats://127.0.0.1:4222");
    try (Connection nc = Nervure.connect(Options.builder().server(url).name("order-service-java").build())) {
      for (String[] o : ORDERS) {
        String id = o[0];
        String product = o[1];
        String amount = o[2];
        String verdict;
        try {
          verdict = nc.request("shop.payments.authorise", amount.getBytes(StandardCharsets.UTF_8),
              Duration.ofSeconds(2)).dataAsString();
        } catch (NervureException err) {
          System.out.println("order-service: " + id + " not placed: " + err.getClass().getSimpleName() + ": "
              + err.getMessage());
          continue;
        }
        String event = String.format("{\"id\": \"%s\", \"product\": \"%s\", \"amount\": %s, \"payment\": \"%s\"}",
            id, product, Double.valueOf(amount), verdict);
        nc.publish("shop.orders.order.created", new Headers().add("Order-Id", id).add("Payment-Verdict", verdict),
            event.getBytes(StandardCharsets.UTF_8));
        System.out.println("order-service: " + id + " " + product + " " + amount + " payment " + verdict);
      }
      nc.flush(Duration.ofSeconds(2));
    }
  }
}
