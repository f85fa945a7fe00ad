package org.web4rec.rerank;

import org.web4rec.core.data.Dataset;
import io.vertx.core.Future;
import io.vertx.core.json.JsonArray;
import io.vertx.core.json.JsonObject;
import org.web4rec.platform.contracts.RerankLineage;
import io.vertx.ext.web.Router;
import io.vertx.ext.web.RoutingContext;
import java.util.ArrayList;
import java.util.List;
import org.web4rec.platform.blob.BlobKeys;
import org.web4rec.platform.blob.BlobStore;
import org.web4rec.platform.data.DatasetCache;
import org.web4rec.platform.data.StoredDataset;
import org.web4rec.platform.http.ApiException;
import org.web4rec.platform.http.Caller;
import org.web4rec.platform.http.Json;
import org.web4rec.platform.http.Lookups;
import org.web4rec.platform.http.ServiceRoutes;
import org.web4rec.platform.service.Endpoint;
import org.web4rec.platform.sql.DatasetRepository;
import org.web4rec.platform.sql.DatasetRepository.DatasetRecord;
import org.web4rec.platform.sql.ExperimentRepository;
import org.web4rec.platform.sql.ExperimentRepository.ExperimentRecord;
import org.web4rec.platform.table.ArrowCodec;

/**
 * HTTP routes of the re-rank service: start a re-rank or a λ sweep, and read a derived
 * experiment's report (metric deltas vs the parent on the same users, items before/after/new) and
 * one user's before/after lists.
 */
public final class RerankRoutes implements ServiceRoutes {

  static final int TOP = 20;

  private final RerankService service;
  private final BlobStore blobs;
  private final ExperimentRepository experiments;
  private final Lookups lookups;
  private final DatasetCache cache;

  private static final String EXPERIMENT = "/datasets/:dataset/experiments/:experiment";
  static final Endpoint RERANK = Endpoint.post(EXPERIMENT + "/rerank");
  static final Endpoint SWEEP = Endpoint.post(EXPERIMENT + "/sweep");
  static final Endpoint REPORT = Endpoint.get(EXPERIMENT + "/rerank-report");
  static final Endpoint USER_DIFF = Endpoint.get(EXPERIMENT + "/user-diff");
  static final List<Endpoint> ENDPOINTS = List.of(RERANK, SWEEP, REPORT, USER_DIFF);

  public RerankRoutes(RerankService service, BlobStore blobs, DatasetRepository datasets,
      ExperimentRepository experiments, DatasetCache cache) {
    this.service = service;
    this.blobs = blobs;
    this.experiments = experiments;
    this.lookups = new Lookups(datasets, experiments);
    this.cache = cache;
  }

  @Override
  public void mount(Router api) {
    RERANK.mount(api, ctx -> start(ctx, false));
    SWEEP.mount(api, ctx -> start(ctx, true));
    REPORT.mount(api, this::report);
    USER_DIFF.mount(api, this::userDiff);
  }

  private void start(RoutingContext ctx, boolean sweep) {
    Caller caller = Caller.of(ctx);
    RerankRequest req = RerankRequest.parse(Json.body(ctx), sweep);
    lookups.dataset(caller, ctx.pathParam("dataset"))
        .compose(ds -> lookups.experiment(ds, ctx.pathParam("experiment"))
            .compose(parent -> service.request(caller, ds, parent, req)))
        .onSuccess(list -> Json.ok(ctx, 202, sweep
            ? new JsonObject().put("experiments", new JsonArray(new ArrayList<Object>(list)))
            : list.get(0)))
        .onFailure(ctx::fail);
  }

  /** The derived experiment, its parent, both ready. */
  private record Pair(DatasetRecord ds, ExperimentRecord derived, ExperimentRecord parent,
      RerankLineage lineage) {}

  private Future<Pair> pair(Caller caller, RoutingContext ctx) {
    return lookups.dataset(caller, ctx.pathParam("dataset")).compose(ds ->
        lookups.experiment(ds, ctx.pathParam("experiment")).compose(derived -> {
          RerankLineage lineage = derived.settings().rerank();
          if (lineage == null) {
            return Future.failedFuture(ApiException.badRequest("'" + derived.name()
                + "' is not a re-rank; reports exist for derived experiments", "BPR-MF~diversity:cooc@0.5"));
          }
          if (!ExperimentRepository.READY.equals(derived.status())) {
            return Future.failedFuture(ApiException.conflict("'" + derived.name() + "' is "
                + derived.status() + "; its report exists once it is ready"));
          }
          return experiments.findById(lineage.parentId()).compose(p -> p.isPresent()
              ? Future.succeededFuture(new Pair(ds, derived, p.get(), lineage))
              : Future.failedFuture(ApiException.notFound("the parent experiment no longer exists")));
        }));
  }

  private Future<byte[]> blob(ExperimentRecord e, String name) {
    return blobs.get(BlobKeys.experiment(e.teamId(), e.id()) + name);
  }

  private void report(RoutingContext ctx) {
    Caller caller = Caller.of(ctx);
    pair(caller, ctx).compose(p -> {
      Future<Dataset> ds = cache.get(p.ds().teamId(), p.ds().id(), p.ds().version());
      Future<byte[]> parentPerUser = blob(p.parent(), StoredDataset.PER_USER);
      Future<byte[]> derivedPerUser = blob(p.derived(), StoredDataset.PER_USER);
      Future<byte[]> parentLists = blob(p.parent(), StoredDataset.CANDIDATES);
      Future<byte[]> derivedLists = blob(p.derived(), StoredDataset.CANDIDATES);
      return Future.all(List.of(ds, parentPerUser, derivedPerUser, parentLists, derivedLists))
          .compose(v -> ctx.vertx().executeBlocking(() -> RerankReport.build(ds.result(),
              ArrowCodec.fromBytes(parentPerUser.result()),
              ArrowCodec.fromBytes(derivedPerUser.result()),
              StoredDataset.decodeCandidates(parentLists.result(), ds.result().nUsers()),
              StoredDataset.decodeCandidates(derivedLists.result(), ds.result().nUsers()),
              p.lineage()), false));
    }).onSuccess(json -> Json.ok(ctx, 200, json)).onFailure(ctx::fail);
  }

  private void userDiff(RoutingContext ctx) {
    Caller caller = Caller.of(ctx);
    String user = ctx.request().getParam("user");
    if (user == null || user.isBlank()) {
      throw ApiException.badRequest("give user=<user id>", "?user=42");
    }
    pair(caller, ctx).compose(p -> {
      Future<Dataset> ds = cache.get(p.ds().teamId(), p.ds().id(), p.ds().version());
      Future<byte[]> parentLists = blob(p.parent(), StoredDataset.CANDIDATES);
      Future<byte[]> positions = blob(p.derived(), RerankWorker.POSITIONS);
      return Future.all(ds, parentLists, positions).compose(v -> ctx.vertx().executeBlocking(
          () -> RerankReport.userDiff(ds.result(), StoredDataset.decodeCandidates(
              parentLists.result(), ds.result().nUsers()), ArrowCodec.fromBytes(
              positions.result()), user.trim(), p.lineage().k()), false));
    }).onSuccess(json -> Json.ok(ctx, 200, json)).onFailure(ctx::fail);
  }
}
