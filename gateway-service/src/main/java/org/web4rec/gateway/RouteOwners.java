package org.web4rec.gateway;

import io.vertx.core.http.HttpMethod;
import java.util.List;

/**
 * Which service owns each {@code /api/v1} route in distributed mode: the gateway forwards a
 * request to its owner. Routes, not path prefixes, because owners interleave under one prefix
 * (a GET of {@code /datasets/:dataset/experiments} is a metrics read, a POST is an ingest upload).
 * Paths are spelled exactly as each service's {@code ServiceRoutes} mounts them; the launcher's
 * RouteOwnershipTest checks that every mounted route has exactly one owner here and that no
 * entry is stale, so a new route that is not added here fails the build rather than answering
 * 404 in distributed mode only.
 */
public final class RouteOwners {

  /** One owned route: service name, method, Vert.x path pattern relative to /api/v1. */
  public record Route(String service, HttpMethod method, String path) {}

  public static final List<Route> TABLE = List.of(
      // ingest-service: IngestRoutes
      new Route("ingest", HttpMethod.POST, "/datasets"),
      new Route("ingest", HttpMethod.GET, "/datasets"),
      new Route("ingest", HttpMethod.GET, "/datasets/:dataset"),
      new Route("ingest", HttpMethod.GET, "/datasets/:dataset/stats"),
      new Route("ingest", HttpMethod.POST, "/datasets/:dataset/experiments"),
      // metrics-service: ResultsRoutes
      new Route("metrics", HttpMethod.GET, "/datasets/:dataset/experiments"),
      new Route("metrics", HttpMethod.GET, "/datasets/:dataset/experiments/table"),
      new Route("metrics", HttpMethod.GET, "/datasets/:dataset/experiments/:experiment"),
      new Route("metrics", HttpMethod.GET, "/datasets/:dataset/experiments/:experiment/per-user"),
      // metrics-service: AnalysisRoutes
      new Route("metrics", HttpMethod.GET,
          "/datasets/:dataset/experiments/:experiment/breakdown"),
      new Route("metrics", HttpMethod.GET, "/datasets/:dataset/compare"),
      // rerank-service: RerankRoutes
      new Route("rerank", HttpMethod.POST, "/datasets/:dataset/experiments/:experiment/rerank"),
      new Route("rerank", HttpMethod.POST, "/datasets/:dataset/experiments/:experiment/sweep"),
      new Route("rerank", HttpMethod.GET,
          "/datasets/:dataset/experiments/:experiment/rerank-report"),
      new Route("rerank", HttpMethod.GET,
          "/datasets/:dataset/experiments/:experiment/user-diff"),
      // analysis-service: ExploreRoutes
      new Route("analysis", HttpMethod.GET,
          "/datasets/:dataset/experiments/:experiment/projection"),
      new Route("analysis", HttpMethod.GET,
          "/datasets/:dataset/experiments/:experiment/attributes"),
      new Route("analysis", HttpMethod.GET,
          "/datasets/:dataset/experiments/:experiment/attribute"),
      new Route("analysis", HttpMethod.POST, "/datasets/:dataset/experiments/:experiment/filter"),
      new Route("analysis", HttpMethod.POST,
          "/datasets/:dataset/experiments/:experiment/selection/users"),
      new Route("analysis", HttpMethod.POST,
          "/datasets/:dataset/experiments/:experiment/selection/items"),
      new Route("analysis", HttpMethod.POST,
          "/datasets/:dataset/experiments/:experiment/audience"),
      new Route("analysis", HttpMethod.GET, "/datasets/:dataset/users/:user/drilldown"));

  private RouteOwners() {}
}
