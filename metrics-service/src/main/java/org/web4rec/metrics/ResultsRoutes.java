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
import org.web4rec.platform.http.ServiceRoutes;
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
  private final DatasetRepository datasets;
  private final ExperimentRepository experiments;

  public ResultsRoutes(BlobStore blobs, DatasetRepository datasets,
      ExperimentRepository experiments) {
    this.blobs = blobs;
    this.datasets = datasets;
    this.experiments = experiments;
  }

  @Override
  public void mount(Router api) {
    api.get("/datasets/:dataset/experiments").handler(this::list);
    api.get("/datasets/:dataset/experiments/:experiment").handler(this::get);
    api.get("/datasets/:dataset/experiments/:experiment/per-user").handler(this::perUser);
  }

  private Future<DatasetRecord> dataset(Caller caller, String name) {
    return datasets.findByName(caller.teamId(), name).compose(d -> d.isPresent()
        ? Future.succeededFuture(d.get())
        : Future.failedFuture(ApiException.notFound("dataset '" + name + "' does not exist")));
  }

  private Future<ExperimentRecord> experiment(Caller caller, DatasetRecord ds, String name) {
    return experiments.find(caller.teamId(), ds.id(), name).compose(e -> e.isPresent()
        ? Future.succeededFuture(e.get())
        : Future.failedFuture(ApiException.notFound("experiment '" + name
            + "' does not exist in dataset '" + ds.name() + "'")));
  }

  private void list(RoutingContext ctx) {
    Caller caller = Caller.of(ctx);
    dataset(caller, ctx.pathParam("dataset"))
        .compose(ds -> experiments.list(caller.teamId(), ds.id())
            .compose(list -> experiments.metrics(list.stream().map(ExperimentRecord::id).toList())
                .map(metrics -> new JsonObject().put("experiments", Json.array(list.stream()
                    .map(e -> Views.experiment(e, ds.name(), metrics.get(e.id()))).toList())))))
        .onSuccess(json -> Json.ok(ctx, 200, json))
        .onFailure(ctx::fail);
  }

  private void get(RoutingContext ctx) {
    Caller caller = Caller.of(ctx);
    dataset(caller, ctx.pathParam("dataset"))
        .compose(ds -> experiment(caller, ds, ctx.pathParam("experiment"))
            .compose(e -> experiments.metrics(List.of(e.id()))
                .map(m -> Views.experiment(e, ds.name(), m.getOrDefault(e.id(), Map.of())))))
        .onSuccess(json -> Json.ok(ctx, 200, json))
        .onFailure(ctx::fail);
  }

  private void perUser(RoutingContext ctx) {
    Caller caller = Caller.of(ctx);
    boolean csv = "csv".equals(ctx.request().getParam("format"));
    dataset(caller, ctx.pathParam("dataset"))
        .compose(ds -> experiment(caller, ds, ctx.pathParam("experiment")))
        .compose(e -> {
          if (!ExperimentRepository.READY.equals(e.status())) {
            return Future.failedFuture(ApiException.conflict("experiment '" + e.name()
                + "' is " + e.status() + "; per-user metrics exist once it is ready"));
          }
          return blobs.get(BlobKeys.experiment(e.teamId(), e.id()) + StoredDataset.PER_USER);
        })
        .onSuccess(bytes -> {
          if (csv) {
            StringWriter w = new StringWriter();
            CsvCodec.write(ArrowCodec.fromBytes(bytes), w);
            ctx.response().putHeader("Content-Type", CsvCodec.MEDIA_TYPE).end(w.toString());
          } else {
            ctx.response().putHeader("Content-Type", ArrowCodec.MEDIA_TYPE)
                .end(io.vertx.core.buffer.Buffer.buffer(bytes));
          }
        })
        .onFailure(ctx::fail);
  }
}
