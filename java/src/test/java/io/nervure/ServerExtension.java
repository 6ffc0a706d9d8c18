package io.nervure;

import org.junit.jupiter.api.extension.AfterAllCallback;
import org.junit.jupiter.api.extension.BeforeAllCallback;
import org.junit.jupiter.api.extension.ExtensionContext;
import org.junit.jupiter.api.extension.ParameterContext;
import org.junit.jupiter.api.extension.ParameterResolver;

/** One single server for a test class: inject NatsServer into tests or constructors. */
final class ServerExtension implements BeforeAllCallback, AfterAllCallback, ParameterResolver {
  private static final ExtensionContext.Namespace NS = ExtensionContext.Namespace.create(ServerExtension.class);

  @Override
  public void beforeAll(ExtensionContext context) {
    context.getStore(NS).put("server", NatsServer.single());
  }

  @Override
  public void afterAll(ExtensionContext context) {
    NatsServer s = context.getStore(NS).remove("server", NatsServer.class);
    if (s != null) s.close();
  }

  @Override
  public boolean supportsParameter(ParameterContext p, ExtensionContext e) {
    return p.getParameter().getType() == NatsServer.class;
  }

  @Override
  public Object resolveParameter(ParameterContext p, ExtensionContext e) {
    ExtensionContext c = e;
    while (c != null) {
      NatsServer s = c.getStore(NS).get("server", NatsServer.class);
      if (s != null) return s;
      c = c.getParent().orElse(null);
    }
    throw new IllegalStateException("no server");
  }
}
