/** What services say to each other: topic names and event payload records. */
package org.web4rec.platform.contracts;
