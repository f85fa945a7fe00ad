/** HTTP plumbing shared by all services: the caller context, API errors and the failure handler. */
package org.web4rec.platform.http;
