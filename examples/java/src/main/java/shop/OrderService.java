package shop;

import io.nervure.Connection;
import io.nervure.Headers;
import io.nervure.Nervure;
import io.nervure.NervureException;
import io.nervure.NoRespondersException;
import io.nervure.Options;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.LinkedHashMap;
import java.util.Map;

/**
 * Creates orders: reserves stock with the product's inventory actor, asks the
 * payment service to authorise the order, then announces it on
 * shop.orders.order.created.
 */
public final class OrderService {
  private static final String[][] ORDERS = {{"o-2001", "teapot", "35.00"}, {"o-2002", "coffee-grinder", "640.00"},
      {"o-2003", "filter-papers", "4.20"}, {"o-2004", "coffee-grinder", "640.00"}};
  private static final Map<String, Long> STOCK = new LinkedHashMap<>();

  static {
    STOCK.put("teapot", 5L);
    STOCK.put("coffee-grinder", 1L);
    STOCK.put("filter-papers", 100L);
  }

  /** The warehouse delivered. Services start together: wait a while for the inventory host. */
  static void restock(Connection nc) throws InterruptedException {
    for (int attempt = 0; ; attempt++) {
      try {
        for (Map.Entry<String, Long> e : STOCK.entrySet()) {
          nc.actorProxy("inventory", e.getKey()).invoke("restock", e.getValue());
        }
        return;
      } catch (NoRespondersException e) {
        if (attempt == 99) throw e;
        Thread.sleep(100);
      }
    }
  }

  public static void main(String[] args) throws Exception {
    String url = System.getenv().getOrDefault("NERVURE_URL", "nats://127.0.0.1:4222");
    try (Connection nc = Nervure.connect(Options.builder().server(url).name("order-service-java").build())) {
      restock(nc);
      for (String[] o : ORDERS) {
        String id = o[0];
        String product = o[1];
        String amount = o[2];
        Map<?, ?> reservation = (Map<?, ?>) nc.actorProxy("inventory", product).invoke("reserve", 1);
        if (!Boolean.TRUE.equals(reservation.get("reserved"))) {
          System.out.println("order-service: " + id + " not placed: " + product + " out of stock");
          continue;
        }
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
