/** The event port (at-least-once, consumer groups, dead letters) and its local adapter. */
package org.web4rec.platform.bus;
