package org.web4rec.metrics;

import io.vertx.core.Future;
import io.vertx.core.json.JsonObject;
import io.vertx.ext.web.Router;
import io.vertx.ext.web.RoutingContext;
import java.io.StringWriter;
import java.util.List;
import java.util.Map;
import org.web4rec.platform.blob.BlobKeys;
import org.web4rec.platform.blob.BlobStore;
import org.web4rec.platform.data.StoredDataset;
import org.web4rec.platform.http.ApiException;
import org.web4rec.platform.http.Caller;
import org.web4rec.platform.http.Json;
import org.web4rec.platform.http.Lookups;
import org.web4rec.platform.http.ServiceRoutes;
import org.web4rec.platform.service.Endpoint;
import org.web4rec.platform.http.Views;
import org.web4rec.platform.sql.DatasetRepository;
import org.web4rec.platform.sql.DatasetRepository.DatasetRecord;
import org.web4rec.platform.sql.ExperimentRepository;
import org.web4rec.platform.sql.ExperimentRepository.ExperimentRecord;
import org.web4rec.platform.table.ArrowCodec;
import org.web4rec.platform.table.CsvCodec;

/** HTTP routes for experiment results: the list with metrics, one experiment, per-user values. */
public final class ResultsRoutes implements ServiceRoutes {

  private final BlobStore blobs;
  private final ExperimentRepository experiments;
  private final Lookups lookups;
  private final TableCache tables;

  static final Endpoint LIST = Endpoint.get("/datasets/:dataset/experiments");
  static final Endpoint TABLE = Endpoint.get("/datasets/:dataset/experiments/table");
  static final Endpoint GET = Endpoint.get("/datasets/:dataset/experiments/:experiment");
  static final Endpoint PER_USER =
      Endpoint.get("/datasets/:dataset/experiments/:experiment/per-user");
  static final List<Endpoint> ENDPOINTS = List.of(LIST, TABLE, GET, PER_USER);

  public ResultsRoutes(BlobStore blobs, DatasetRepository datasets,
      ExperimentRepository experiments) {
    this.blobs = blobs;
    this.experiments = experiments;
    this.lookups = new Lookups(datasets, experiments);
    this.tables = new TableCache(experiments);
  }

  /** A table as {@code {column: [values...]}}; NaN becomes null (JSON has no NaN). */
  static JsonObject columnsJson(org.web4rec.core.table.Table t) {
    JsonObject out = new JsonObject();
    for (org.web4rec.core.table.Column c : t.columns()) {
      io.vertx.core.json.JsonArray values = new io.vertx.core.json.JsonArray();
      if (c instanceof org.web4rec.core.table.Column.Doubles d) {
        for (int r = 0; r < d.size(); r++) {
          double v = d.values()[r];
          values.add(d.isNull(r) || Double.isNaN(v) || Double.isInfinite(v) ? null : v);
        }
      } else {
        for (int r = 0; r < c.size(); r++) {
          values.add(c.asString(r));
        }
      }
      out.put(c.name(), values);
    }
    return out;
  }

  @Override
  public void mount(Router api) {
    LIST.mount(api, this::list);
    TABLE.mount(api, this::table);
    GET.mount(api, this::get);
    PER_USER.mount(api, this::perUser);
  }

  private void list(RoutingContext ctx) {
    Caller caller = Caller.of(ctx);
    lookups.dataset(caller, ctx.pathParam("dataset"))
        .compose(ds -> experiments.list(caller.teamId(), ds.id())
            .compose(list -> experiments.metrics(list.stream().map(ExperimentRecord::id).toList())
                .map(metrics -> new JsonObject().put("experiments", Json.array(list.stream()
                    .map(e -> Views.experiment(e, ds.name(), metrics.get(e.id()))).toList())))))
        .onSuccess(json -> Json.ok(ctx, 200, json))
        .onFailure(ctx::fail);
  }

  private void table(RoutingContext ctx) {
    Caller caller = Caller.of(ctx);
    Map<String, String> params = new java.util.HashMap<>();
    ctx.queryParams().forEach(params::put);
    ExperimentTable.Query q = ExperimentTable.Query.parse(params);
    lookups.dataset(caller, ctx.pathParam("dataset")).compose(ds -> tables.snapshot(caller.teamId(),
        ds.id()).compose(snap -> {
          List<String> wanted = new java.util.ArrayList<>(q.columns());
          if (q.sortsByMetric() && !wanted.contains(q.sortColumn())) {
            wanted.add(q.sortColumn());
          }
          return tables.columns(snap, caller.teamId(), ds.id(), wanted).map(values -> {
            Map<String, Double> byId = new java.util.HashMap<>();
            if (q.sortsByMetric()) {
              values.forEach((id, m) -> byId.put(id, m.get(q.sortColumn())));
            }
            int[] total = new int[1];
            List<ExperimentRecord> page = ExperimentTable.page(snap.rows, q, byId, total);
            return ExperimentTable.render(page, q, total[0], values, snap.metricNames, snap.rows);
          });
        }))
        .onSuccess(json -> Json.ok(ctx, 200, json)).onFailure(ctx::fail);
  }

  private void get(RoutingContext ctx) {
    Caller caller = Caller.of(ctx);
    lookups.dataset(caller, ctx.pathParam("dataset"))
        .compose(ds -> lookups.experiment(ds, ctx.pathParam("experiment"))
            .compose(e -> experiments.metrics(List.of(e.id()))
                .map(m -> Views.experiment(e, ds.name(), m.getOrDefault(e.id(), Map.of())))))
        .onSuccess(json -> Json.ok(ctx, 200, json))
        .onFailure(ctx::fail);
  }

  private void perUser(RoutingContext ctx) {
    Caller caller = Caller.of(ctx);
    String format = ctx.request().getParam("format", "arrow");
    if (!List.of("arrow", "csv", "json").contains(format)) {
      throw ApiException.badRequest("format must be arrow, csv or json", "?format=json");
    }
    lookups.dataset(caller, ctx.pathParam("dataset"))
        .compose(ds -> lookups.experiment(ds, ctx.pathParam("experiment")))
        .compose(e -> {
          if (!ExperimentRepository.READY.equals(e.status())) {
            return Future.failedFuture(ApiException.conflict("experiment '" + e.name()
                + "' is " + e.status() + "; per-user metrics exist once it is ready"));
          }
          return blobs.get(BlobKeys.experiment(e.teamId(), e.id()) + StoredDataset.PER_USER);
        })
        .onSuccess(bytes -> {
          if (format.equals("csv")) {
            StringWriter w = new StringWriter();
            CsvCodec.write(ArrowCodec.fromBytes(bytes), w);
            ctx.response().putHeader("Content-Type", CsvCodec.MEDIA_TYPE).end(w.toString());
          } else if (format.equals("json")) {
            Json.ok(ctx, 200, new JsonObject().put("columns", columnsJson(ArrowCodec.fromBytes(bytes))));
          } else {
            ctx.response().putHeader("Content-Type", ArrowCodec.MEDIA_TYPE)
                .end(io.vertx.core.buffer.Buffer.buffer(bytes));
          }
        })
        .onFailure(ctx::fail);
  }
}
