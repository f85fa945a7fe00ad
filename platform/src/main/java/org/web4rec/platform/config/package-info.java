/** Typed configuration records. */
package org.web4rec.platform.config;
