package shop;

import io.nervure.Actor;
import io.nervure.ActorRuntime;
import io.nervure.Connection;
import io.nervure.Nervure;
import io.nervure.Options;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.concurrent.CountDownLatch;

/**
 * Hosts the inventory actors: one per product, holding its stock, until stopped
 * (SIGTERM or Ctrl-C hands the actors over to other hosts).
 *   reserve(quantity) -> {"reserved": bool, "left": stock}
 *   restock(quantity) -> stock
 */
public final class InventoryService {
  public static final class Inventory extends Actor {
    public Map<String, Object> reserve(long quantity) {
      long stock = (Long) state().get("stock", 0L);
      boolean ok = 0 < quantity && quantity <= stock;
      if (ok) {
        stock -= quantity;
        state().set("stock", stock);
      }
      System.out.println("inventory-service: " + actorId() + " " + (ok ? "reserved" : "refused") + " " + quantity
          + ", " + stock + " left");
      Map<String, Object> r = new LinkedHashMap<>();
      r.put("reserved", ok);
      r.put("left", stock);
      return r;
    }

    public long restock(long quantity) {
      if (quantity < 0) throw new IllegalArgumentException("stock cannot be negative");
      state().set("stock", quantity);
      return quantity;
    }
  }

  public static void main(String[] args) throws Exception {
    String url = System.getenv().getOrDefault("NERVURE_URL", "nats://127.0.0.1:4222");
    Connection nc = Nervure.connect(Options.builder().server(url).name("inventory-service-java").build());
    ActorRuntime runtime = ActorRuntime.builder(nc).build();
    runtime.register("inventory", Inventory::new);
    runtime.start();
    System.out.println("inventory-service: hosting inventory actors");
    CountDownLatch stopped = new CountDownLatch(1);
    Runtime.getRuntime().addShutdownHook(new Thread(() -> {
      runtime.close();
      nc.close();
      stopped.countDown();
    }));
    stopped.await();
  }
}
