package org.web4rec.platform.bus;

import io.vertx.core.Vertx;

class LocalMessageBusTest extends MessageBusContract {
  @Override
  protected MessageBus create(Vertx vertx, int maxAttempts) {
    return new LocalMessageBus(vertx, maxAttempts, 20);
  }
}
