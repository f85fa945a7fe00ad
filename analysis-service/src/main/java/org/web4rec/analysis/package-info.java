/**
 * The analysis service (issue 7, docs/analysis-api.md): 2-D maps of an experiment's users and items
 * computed once per experiment × entity × method as an asynchronous job and kept as a blob under the
 * experiment's prefix ({@link org.web4rec.analysis.ProjectionJobs}), and the synchronous read-side
 * panels a lasso selection needs (side-column distributions, metrics, audience, drill-down,
 * filters). The numbers come from {@code core} ({@code core.projection}, {@code core.explore});
 * this package decodes blobs and requests, renders JSON ({@link org.web4rec.analysis.ExploreJson},
 * {@link org.web4rec.analysis.ProjectionJson}) and schedules work off the event loop.
 */
package org.web4rec.analysis;
