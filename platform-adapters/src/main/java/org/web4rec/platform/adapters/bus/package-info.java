/**
 * The Kafka adapter of the {@link org.web4rec.platform.bus.MessageBus} port; the local event-bus
 * adapter needs only Vert.x and stays beside the port.
 */
package org.web4rec.platform.adapters.bus;
