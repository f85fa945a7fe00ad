/**
 * The post-hoc analysis panels (docs/analysis-api.md) as plain records: point attributes
 * ({@link org.web4rec.core.explore.Attributes}), filters ({@link
 * org.web4rec.core.explore.Filters}), user and item selections ({@link
 * org.web4rec.core.explore.Selections}), the audience of selected items ({@link
 * org.web4rec.core.explore.Audiences}) and one user's drill-down ({@link
 * org.web4rec.core.explore.Drilldowns}), over a {@link org.web4rec.core.data.Dataset}, an
 * experiment's candidate lists and per-user metric tables, with selections as dense index arrays
 * ({@link org.web4rec.core.explore.RequestedIds} turns a request's ids into them). Side columns
 * are coded once per dataset ({@link org.web4rec.core.explore.DatasetViews}). The counting
 * kernels ({@link org.web4rec.core.explore.Aggregates}) take integer codes ({@code -1} = missing)
 * or doubles ({@code NaN} = missing) so they stay free of table types; histograms share edges so a
 * selection and "all" line up bin by bin. Invalid requests throw {@link
 * org.web4rec.core.InvalidInput}; rendering JSON is the service's business.
 */
package org.web4rec.core.explore;
