package org.web4rec.metrics;

import io.vertx.core.Future;
import io.vertx.ext.web.Router;
import io.vertx.ext.web.RoutingContext;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;
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
import org.web4rec.core.table.Table;

/** Breakdown of a metric by user segment, and significance tests between experiments. */
public final class AnalysisRoutes implements ServiceRoutes {

  static final int MAX_COMPARED = 10;

  private final BlobStore blobs;
  private final ExperimentRepository experiments;
  private final Lookups lookups;
  private final DatasetCache cache;

  static final Endpoint BREAKDOWN =
      Endpoint.get("/datasets/:dataset/experiments/:experiment/breakdown");
  static final Endpoint COMPARE = Endpoint.get("/datasets/:dataset/compare");
  static final List<Endpoint> ENDPOINTS = List.of(BREAKDOWN, COMPARE);

  public AnalysisRoutes(BlobStore blobs, DatasetRepository datasets,
      ExperimentRepository experiments, DatasetCache cache) {
    this.blobs = blobs;
    this.experiments = experiments;
    this.lookups = new Lookups(datasets, experiments);
    this.cache = cache;
  }

  @Override
  public void mount(Router api) {
    BREAKDOWN.mount(api, this::breakdown);
    COMPARE.mount(api, this::compare);
  }

  private Future<Table> perUser(Caller caller, DatasetRecord ds, String name) {
    return blob(caller, ds, name, StoredDataset.PER_USER);
  }

  /** A stored result table of a ready experiment. */
  private Future<Table> blob(Caller caller, DatasetRecord ds, String name, String blobName) {
    return lookups.ready(ds, name, "its metrics exist")
        .compose(e -> blobs.get(BlobKeys.experiment(e.teamId(), e.id()) + blobName))
        .map(ArrowCodec::fromBytes);
  }

  private void breakdown(RoutingContext ctx) {
    Caller caller = Caller.of(ctx);
    String metric = ctx.request().getParam("metric");
    String by = ctx.request().getParam("by");
    if (metric == null || by == null) {
      throw ApiException.badRequest("give metric and by", "?metric=ndcg@10&by=activity");
    }
    if (by.equals("item_popularity")) {
      lookups.dataset(caller, ctx.pathParam("dataset"))
          .compose(ds -> Future.all(cache.get(ds.teamId(), ds.id(), ds.version()),
                  blob(caller, ds, ctx.pathParam("experiment"), StoredDataset.EXPOSURE))
              .compose(all -> ctx.vertx().executeBlocking(() ->
                  ComparisonViews.exposureByPopularity(all.resultAt(0), all.resultAt(1), metric),
                  false)))
          .onSuccess(json -> Json.ok(ctx, 200, json.put("experiment",
              ctx.pathParam("experiment"))))
          .onFailure(ctx::fail);
      return;
    }
    lookups.dataset(caller, ctx.pathParam("dataset"))
        .compose(ds -> Future.all(cache.get(ds.teamId(), ds.id(), ds.version()),
                perUser(caller, ds, ctx.pathParam("experiment")))
            .compose(all -> ctx.vertx().executeBlocking(() -> ComparisonViews.breakdown(
                all.resultAt(0), all.resultAt(1), metric, by), false)))
        .onSuccess(json -> Json.ok(ctx, 200, json.put("experiment", ctx.pathParam("experiment"))))
        .onFailure(ctx::fail);
  }

  private void compare(RoutingContext ctx) {
    Caller caller = Caller.of(ctx);
    String list = ctx.request().getParam("experiments");
    Set<String> names = new LinkedHashSet<>();
    if (list != null) {
      for (String n : list.split(",")) {
        if (!n.isBlank()) {
          names.add(n.trim());
        }
      }
    }
    if (names.size() < 2 || names.size() > MAX_COMPARED) {
      throw ApiException.badRequest("name 2 to " + MAX_COMPARED + " distinct experiments",
          "?experiments=BPR-MF,ItemKNN&metrics=ndcg@10,recall@10");
    }
    String metricParam = ctx.request().getParam("metrics");
    lookups.dataset(caller, ctx.pathParam("dataset")).compose(ds -> {
      List<Future<Table>> tables = new ArrayList<>();
      for (String n : names) {
        tables.add(perUser(caller, ds, n));
      }
      return Future.all(tables).compose(v -> ctx.vertx().executeBlocking(() -> {
        List<Table> loaded = new ArrayList<>();
        for (Future<Table> t : tables) {
          loaded.add(t.result());
        }
        List<String> metrics = new ArrayList<>();
        if (metricParam == null || metricParam.isBlank()) {
          // every per-user metric all the experiments have
          for (String m : loaded.get(0).names().subList(1, loaded.get(0).names().size())) {
            if (loaded.stream().allMatch(t -> t.column(m).isPresent())) {
              metrics.add(m);
            }
          }
        } else {
          for (String m : metricParam.split(",")) {
            if (!m.isBlank()) {
              metrics.add(m.trim());
            }
          }
        }
        return ComparisonViews.compare(new ArrayList<>(names), loaded, metrics);
      }, false));
    }).onSuccess(json -> Json.ok(ctx, 200, json)).onFailure(ctx::fail);
  }
}
