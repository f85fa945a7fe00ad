/**
 * The analysis service (issue 7, docs/analysis-api.md): 2-D maps of an experiment's users and items
 * computed once per experiment × entity × method as an asynchronous job and kept as a blob under the
 * experiment's prefix ({@link org.web4rec.analysis.ProjectionJobs}, {@link
 * org.web4rec.analysis.Projector}), and the synchronous read-side panels a lasso selection needs
 * (side-column distributions, metrics, audience, drill-down, filters) in {@link
 * org.web4rec.analysis.Explore}. Numbers come from {@code core} (projection, explore); this package
 * only chooses inputs, shapes JSON and schedules work off the event loop.
 */
package org.web4rec.analysis;
