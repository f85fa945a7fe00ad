/**
 * Web4Rec's pure-Java compute core: the numbers behind every result the service shows. It turns
 * dense-indexed interaction data into prepared candidate lists and metric tables, generates
 * synthetic datasets and computes reference baselines, using primitive arrays and no dependencies
 * (no I/O, no frameworks), so the services can call it from any thread and the definitions in
 * {@code METRICS.md} have exactly one implementation.
 */
package org.web4rec.core;
