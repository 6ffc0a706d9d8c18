package io.nervure;

import static org.junit.jupiter.api.Assertions.*;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import java.io.BufferedReader;
import java.io.File;
import java.io.InputStreamReader;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

/** Java calls the inventory actor hosted by the C++ example (MessagePack across languages). */
@ExtendWith(ServerExtension.class)
class CrossLanguageActorTest {
  @Test
  void callsAnActorHostedByTheCppExample(NatsServer server) throws Exception {
    String root = System.getProperty("nervure.root", "..");
    String buildDir = System.getenv().getOrDefault("NERVURE_BUILD_DIR", root + "/build");
    File binary = new File(buildDir, "examples/cpp/inventory_service");
    assumeTrue(binary.canExecute(), binary + " not built");
    ProcessBuilder pb = new ProcessBuilder(binary.getPath()).redirectError(ProcessBuilder.Redirect.INHERIT);
    pb.environment().put("NERVURE_URL", server.url());
    Process service = pb.start();
    try (BufferedReader out = new BufferedReader(new InputStreamReader(service.getInputStream()))) {
      assertTrue(out.readLine().contains("hosting"));
      try (Connection nc = Nervure.connect(server.url())) {
        ActorProxy kettle = nc.actorProxy("inventory", "kettle");
        assertEquals(2L, kettle.invoke("restock", 2));
        assertEquals(Map.of("reserved", true, "left", 1L), kettle.invoke("reserve", 1));
        assertEquals(Map.of("reserved", false, "left", 1L), kettle.invoke("reserve", 5));
        ActorException e = assertThrows(ActorException.class, () -> kettle.invoke("restock", -1));
        assertEquals("std::invalid_argument", e.remoteType());
      }
    } finally {
      service.destroy();
      service.waitFor(20, TimeUnit.SECONDS);
    }
  }
}
