/**
 * How services are assembled: a {@link org.web4rec.platform.service.ServiceModule} per service,
 * built from one {@link org.web4rec.platform.service.Ports} record, with its endpoints declared
 * once ({@link org.web4rec.platform.service.Endpoint}).
 */
package org.web4rec.platform.service;
