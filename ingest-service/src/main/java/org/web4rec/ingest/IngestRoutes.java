package org.web4rec.ingest;

import io.vertx.ext.web.FileUpload;
import io.vertx.ext.web.Router;
import io.vertx.ext.web.RoutingContext;
import java.nio.file.Path;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.web4rec.core.data.DatasetStats;
import org.web4rec.platform.data.DatasetCache;
import org.web4rec.platform.http.ApiException;
import org.web4rec.platform.http.Caller;
import org.web4rec.platform.http.Json;
import org.web4rec.platform.http.Lookups;
import org.web4rec.platform.http.ServiceRoutes;
import org.web4rec.platform.http.Views;
import org.web4rec.platform.service.Endpoint;
import org.web4rec.platform.sql.DatasetRepository;

/** HTTP routes of the ingest service: dataset registration and reads, experiment uploads. */
public final class IngestRoutes implements ServiceRoutes {

  static final Endpoint REGISTER = Endpoint.upload("/datasets");
  static final Endpoint LIST = Endpoint.get("/datasets");
  static final Endpoint GET = Endpoint.get("/datasets/:dataset");
  static final Endpoint STATS = Endpoint.get("/datasets/:dataset/stats");
  static final Endpoint UPLOAD = Endpoint.upload("/datasets/:dataset/experiments");
  static final Endpoint DELETE = Endpoint.delete("/datasets/:dataset");
  static final Endpoint DELETE_EXPERIMENT =
      Endpoint.delete("/datasets/:dataset/experiments/:experiment");
  static final List<Endpoint> ENDPOINTS = List.of(REGISTER, LIST, GET, STATS, UPLOAD, DELETE,
      DELETE_EXPERIMENT);

  private final IngestService service;
  private final DatasetRepository datasets;
  private final DatasetCache cache;
  private final Lookups lookups;
  private final Deletions deletions;

  public IngestRoutes(IngestService service, DatasetRepository datasets, DatasetCache cache,
      Deletions deletions) {
    this.service = service;
    this.deletions = deletions;
    this.datasets = datasets;
    this.cache = cache;
    this.lookups = new Lookups(datasets, null);
  }

  @Override
  public void mount(Router api) {
    REGISTER.mount(api, this::registerDataset);
    LIST.mount(api, this::listDatasets);
    GET.mount(api, this::getDataset);
    STATS.mount(api, this::stats);
    UPLOAD.mount(api, this::uploadExperiment);
    DELETE.mount(api, this::deleteDataset);
    DELETE_EXPERIMENT.mount(api, this::deleteExperiment);
  }

  private void deleteDataset(RoutingContext ctx) {
    deletions.deleteDataset(Caller.of(ctx), ctx.pathParam("dataset"))
        .onSuccess(v -> ctx.response().setStatusCode(204).end())
        .onFailure(ctx::fail);
  }

  private void deleteExperiment(RoutingContext ctx) {
    deletions.deleteExperiment(Caller.of(ctx), ctx.pathParam("dataset"),
            ctx.pathParam("experiment"))
        .onSuccess(v -> ctx.response().setStatusCode(204).end())
        .onFailure(ctx::fail);
  }

  private void registerDataset(RoutingContext ctx) {
    Caller caller = Caller.of(ctx);
    requireMultipart(ctx);
    service.registerDataset(caller, ctx.request().getFormAttribute("name"), parts(ctx))
        .onSuccess(json -> Json.ok(ctx, 201, json))
        .onFailure(ctx::fail);
  }

  private void listDatasets(RoutingContext ctx) {
    Caller caller = Caller.of(ctx);
    datasets.list(caller.teamId())
        .onSuccess(list -> Json.ok(ctx, 200, new io.vertx.core.json.JsonObject()
            .put("datasets", Json.array(list.stream().map(Views::dataset).toList()))))
        .onFailure(ctx::fail);
  }

  private void getDataset(RoutingContext ctx) {
    Caller caller = Caller.of(ctx);
    String name = ctx.pathParam("dataset");
    lookups.dataset(caller, name)
        .onSuccess(d -> Json.ok(ctx, 200, Views.dataset(d)))
        .onFailure(ctx::fail);
  }

  private void stats(RoutingContext ctx) {
    Caller caller = Caller.of(ctx);
    String name = ctx.pathParam("dataset");
    lookups.dataset(caller, name)
        .compose(d -> cache.get(d.teamId(), d.id(), d.version()))
        .compose(ds -> ctx.vertx().executeBlocking(() -> StatsView.of(DatasetStats.of(ds)), false))
        .onSuccess(json -> Json.ok(ctx, 200, json))
        .onFailure(ctx::fail);
  }

  private void uploadExperiment(RoutingContext ctx) {
    Caller caller = Caller.of(ctx);
    requireMultipart(ctx);
    Map<String, IngestService.Part> parts = parts(ctx);
    service.uploadExperiment(caller, ctx.pathParam("dataset"),
            ctx.request().getFormAttribute("meta"), parts,
            ctx.request().getHeader("Idempotency-Key"))
        .onSuccess(up -> {
          String location = "/api/v1/datasets/" + ctx.pathParam("dataset") + "/experiments/"
              + up.experiment().getString("name");
          ctx.response().putHeader("Location", location);
          Json.ok(ctx, up.created() ? 202 : 200, up.experiment());
        })
        .onFailure(ctx::fail);
  }

  private static void requireMultipart(RoutingContext ctx) {
    String type = ctx.request().getHeader("Content-Type");
    if (type == null || !type.startsWith("multipart/form-data")) {
      throw ApiException.badRequest("send multipart/form-data (Content-Type was " + type + ")",
          "curl -F name=ml -F train=@train.csv -F ground_truth=@test.csv .../api/v1/datasets");
    }
  }

  private static Map<String, IngestService.Part> parts(RoutingContext ctx) {
    Map<String, IngestService.Part> parts = new HashMap<>();
    for (FileUpload f : ctx.fileUploads()) {
      if (parts.put(f.name(), new IngestService.Part(Path.of(f.uploadedFileName()),
          f.contentType())) != null) {
        throw ApiException.badRequest("part '" + f.name() + "' was sent twice", f.name());
      }
    }
    return parts;
  }
}
