package org.web4rec.analysis;

import org.web4rec.core.data.Dataset;
import io.vertx.core.Future;
import io.vertx.core.Vertx;
import io.vertx.core.json.JsonArray;
import io.vertx.core.json.JsonObject;
import io.vertx.ext.web.Router;
import io.vertx.ext.web.RoutingContext;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;
import java.util.concurrent.Callable;
import org.web4rec.core.explore.Named;
import org.web4rec.core.explore.RequestedIds;
import org.web4rec.core.lists.CandidateLists;
import org.web4rec.platform.blob.BlobKeys;
import org.web4rec.platform.blob.BlobNotFoundException;
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

/**
 * HTTP routes of the analysis service (docs/analysis-api.md): the asynchronous 2-D maps and the
 * synchronous panels behind a lasso selection. Each handler resolves the team's dataset and ready
 * experiment (404 / 409 otherwise), validates its input (400 with an example) and runs the
 * computation of {@link ExploreJson} or {@link ProjectionJson} on a worker thread.
 */
public final class ExploreRoutes implements ServiceRoutes {

  static final int MAX_DRILLDOWN_EXPERIMENTS = 10;
  static final int THREADS = 2;

  private final Vertx vertx;
  private final BlobStore blobs;
  private final ExperimentRepository experiments;
  private final Lookups lookups;
  private final DatasetCache cache;
  private final ProjectionJobs jobs;
  private final DecodedBlobs<CandidateLists> lists;
  private final DecodedBlobs<Table> perUser;

  private static final String EXPERIMENT = "/datasets/:dataset/experiments/:experiment";
  static final Endpoint PROJECTION = Endpoint.get(EXPERIMENT + "/projection");
  static final Endpoint ATTRIBUTES = Endpoint.get(EXPERIMENT + "/attributes");
  static final Endpoint ATTRIBUTE = Endpoint.get(EXPERIMENT + "/attribute");
  static final Endpoint FILTER = Endpoint.post(EXPERIMENT + "/filter");
  static final Endpoint SELECT_USERS = Endpoint.post(EXPERIMENT + "/selection/users");
  static final Endpoint SELECT_ITEMS = Endpoint.post(EXPERIMENT + "/selection/items");
  static final Endpoint AUDIENCE = Endpoint.post(EXPERIMENT + "/audience");
  static final Endpoint DRILLDOWN = Endpoint.get("/datasets/:dataset/users/:user/drilldown");
  static final List<Endpoint> ENDPOINTS = List.of(PROJECTION, ATTRIBUTES, ATTRIBUTE, FILTER,
      SELECT_USERS, SELECT_ITEMS, AUDIENCE, DRILLDOWN);

  public ExploreRoutes(Vertx vertx, BlobStore blobs, DatasetRepository datasets,
      ExperimentRepository experiments, DatasetCache cache) {
    this.vertx = vertx;
    this.blobs = blobs;
    this.experiments = experiments;
    this.lookups = new Lookups(datasets, experiments);
    this.cache = cache;
    this.jobs = new ProjectionJobs(vertx, blobs);
    this.lists = new DecodedBlobs<>(vertx, blobs, 4);
    this.perUser = new DecodedBlobs<>(vertx, blobs, 12);
  }

  @Override
  public void mount(Router api) {
    PROJECTION.mount(api, this::projection);
    ATTRIBUTES.mount(api, this::attributes);
    ATTRIBUTE.mount(api, this::attribute);
    FILTER.mount(api, this::filter);
    SELECT_USERS.mount(api, this::selectUsers);
    SELECT_ITEMS.mount(api, this::selectItems);
    AUDIENCE.mount(api, this::audience);
    DRILLDOWN.mount(api, this::drilldown);
  }

  // ---------------------------------------------------------------- loading

  /** A team's dataset with one of its ready experiments. */
  private record Target(DatasetRecord ds, ExperimentRecord e) {
    boolean intIds() {
      return "int".equals(ds.info().getString("id_type"));
    }

    String prefix() {
      return BlobKeys.experiment(e.teamId(), e.id());
    }

    /** The smallest K the experiment's metrics were computed at (10 when unknown). */
    int defaultK() {
      return e.settings().ks().stream().mapToInt(Integer::intValue).min().orElse(10);
    }
  }

  private Future<Target> target(RoutingContext ctx) {
    Caller caller = Caller.of(ctx);
    return lookups.dataset(caller, ctx.pathParam("dataset")).compose(ds ->
        lookups.ready(ds, ctx.pathParam("experiment"), "its analysis exists")
            .map(e -> new Target(ds, e)));
  }

  private Future<Dataset> stored(DatasetRecord ds) {
    return cache.get(ds.teamId(), ds.id(), ds.version());
  }

  private Future<CandidateLists> lists(ExperimentRecord e, int nUsers) {
    return lists.get(BlobKeys.experiment(e.teamId(), e.id()) + StoredDataset.CANDIDATES,
        e.updatedAt(), bytes -> StoredDataset.decodeCandidates(bytes, nUsers));
  }

  private Future<Table> perUser(ExperimentRecord e) {
    return perUser.get(BlobKeys.experiment(e.teamId(), e.id()) + StoredDataset.PER_USER,
        e.updatedAt(), ArrowCodec::fromBytes);
  }

  private <T> Future<T> blocking(Callable<T> work) {
    return vertx.executeBlocking(work, false);
  }

  private static void reply(RoutingContext ctx, Future<JsonObject> f) {
    f.onSuccess(json -> Json.ok(ctx, 200, json)).onFailure(ctx::fail);
  }

  // ---------------------------------------------------------------- projection

  private void projection(RoutingContext ctx) {
    ProjectionRequest req = ProjectionRequest.parse(ctx.request().getParam("entity"),
        ctx.request().getParam("method"), ctx.request().getParam("neighbors"));
    target(ctx).compose(t -> jobs.get(t.prefix() + req.blobName(), () -> inputs(t, req)))
        .onSuccess(answer -> {
          if (answer instanceof ProjectionJobs.Done done) {
            ctx.response().setStatusCode(200).putHeader("Content-Type", "application/json")
                .end(done.body());
          } else if (answer instanceof ProjectionJobs.Running r) {
            Json.ok(ctx, 202, new JsonObject().put("status", "running").put("stage", r.stage())
                .put("progress", r.progress()));
          } else {
            ProjectionJobs.Failed f = (ProjectionJobs.Failed) answer;
            ctx.fail(new ApiException(500, "projection_failed", "the projection failed: "
                + f.message() + "; the next request retries", null));
          }
        }).onFailure(ctx::fail);
  }

  /** Loads what the job needs (on the event loop, async) and returns the blocking part. */
  private Future<ProjectionJobs.Computation> inputs(Target t, ProjectionRequest req) {
    String embName = req.users() ? StoredDataset.USER_EMBEDDINGS : StoredDataset.ITEM_EMBEDDINGS;
    Future<Dataset> ds = stored(t.ds());
    Future<byte[]> emb = blobs.get(t.prefix() + embName).recover(x ->
        x instanceof BlobNotFoundException ? Future.succeededFuture(null) : Future.failedFuture(x));
    return Future.all(ds, emb).compose(v -> {
      Future<CandidateLists> l = req.users() && emb.result() == null
          ? lists(t.e(), ds.result().nUsers()) : Future.succeededFuture(null);
      return l.map(candidates -> progress -> ProjectionJson.compute(ds.result(), candidates,
          emb.result() == null ? null : ArrowCodec.fromBytes(emb.result()), req, t.intIds(),
          THREADS, progress));
    });
  }

  // ---------------------------------------------------------------- attributes and filters

  private static String entity(String value, String example) {
    if (!"user".equals(value) && !"item".equals(value)) {
      throw ApiException.badRequest("entity must be 'user' or 'item', got " + value, example);
    }
    return value;
  }

  private void attributes(RoutingContext ctx) {
    String entity = entity(ctx.request().getParam("entity"), "?entity=user");
    reply(ctx, target(ctx).compose(t -> Future.all(stored(t.ds()), perUser(t.e()))
        .compose(all -> blocking(() -> ExploreJson.attributes(all.resultAt(0), entity,
            all.resultAt(1))))));
  }

  private void attribute(RoutingContext ctx) {
    String entity = entity(ctx.request().getParam("entity"), "?entity=user&name=gender");
    String name = ctx.request().getParam("name");
    if (name == null || name.isBlank()) {
      throw ApiException.badRequest("give name=<side column or metric>",
          "?entity=user&name=recall@10");
    }
    reply(ctx, target(ctx).compose(t -> Future.all(stored(t.ds()), perUser(t.e()))
        .compose(all -> blocking(() -> ExploreJson.attribute(all.resultAt(0), entity, name,
            all.resultAt(1), t.intIds())))));
  }

  private void filter(RoutingContext ctx) {
    JsonObject body = Json.body(ctx);
    String entity = entity(body.getValue("entity") instanceof String s ? s : null,
        ExploreJson.FILTER_EXAMPLE);
    JsonObject where = object(body, "where", ExploreJson.FILTER_EXAMPLE);
    JsonObject metric = object(body, "metric", ExploreJson.FILTER_EXAMPLE);
    reply(ctx, target(ctx).compose(t -> Future.all(stored(t.ds()), perUser(t.e()))
        .compose(all -> blocking(() -> ExploreJson.filter(all.resultAt(0), entity, where, metric,
            all.resultAt(1), t.intIds())))));
  }

  private static JsonObject object(JsonObject body, String key, String example) {
    Object v = body.getValue(key);
    if (v != null && !(v instanceof JsonObject)) {
      throw ApiException.badRequest("'" + key + "' must be a JSON object", example);
    }
    return (JsonObject) v;
  }

  // ---------------------------------------------------------------- selections

  /** The body's id list and k (k: 1..1000, default the experiment's smallest K). */
  private record Selection(List<Object> ids, Integer k) {}

  private static Selection selection(RoutingContext ctx, String field, String example) {
    JsonObject body = Json.body(ctx);
    Object ids = body.getValue(field);
    if (!(ids instanceof JsonArray a) || a.isEmpty()) {
      throw ApiException.badRequest("give a non-empty '" + field + "' list", example);
    }
    Object k = body.getValue("k");
    if (k != null && (!(k instanceof Integer || k instanceof Long) || ((Number) k).intValue() < 1
        || ((Number) k).intValue() > 1000)) {
      throw ApiException.badRequest("k must be an integer in [1, 1000], got " + k, example);
    }
    return new Selection(a.getList(), k == null ? null : ((Number) k).intValue());
  }

  private void selectUsers(RoutingContext ctx) {
    Selection sel = selection(ctx, "user_ids", ExploreJson.USERS_EXAMPLE);
    Caller caller = Caller.of(ctx);
    reply(ctx, target(ctx).compose(t -> experiments.list(caller.teamId(), t.ds().id())
        .compose(all -> {
          List<ExperimentRecord> readyOnes = all.stream()
              .filter(x -> ExperimentRepository.READY.equals(x.status())).toList();
          List<Future<Table>> tables = new ArrayList<>();
          for (ExperimentRecord x : readyOnes) {
            tables.add(perUser(x));
          }
          return stored(t.ds()).compose(ds -> lists(t.e(), ds.nUsers()).compose(l ->
              Future.all(tables).compose(v -> blocking(() -> {
                int[] users = RequestedIds.users(ds, sel.ids(), ExploreJson.USERS_EXAMPLE);
                List<Named<Table>> named = new ArrayList<>();
                for (int x = 0; x < readyOnes.size(); x++) {
                  named.add(new Named<>(readyOnes.get(x).name(), tables.get(x).result()));
                }
                return ExploreJson.selectUsers(ds, l, sel.k() == null ? t.defaultK() : sel.k(),
                    users, named, t.intIds());
              }))));
        })));
  }

  private void selectItems(RoutingContext ctx) {
    Selection sel = selection(ctx, "item_ids", ExploreJson.ITEMS_EXAMPLE);
    reply(ctx, target(ctx).compose(t -> stored(t.ds()).compose(ds -> lists(t.e(), ds.nUsers())
        .compose(l -> blocking(() -> ExploreJson.selectItems(ds, l,
            sel.k() == null ? t.defaultK() : sel.k(), RequestedIds.items(ds, sel.ids(),
                ExploreJson.ITEMS_EXAMPLE)))))));
  }

  private void audience(RoutingContext ctx) {
    Selection sel = selection(ctx, "item_ids", ExploreJson.ITEMS_EXAMPLE);
    reply(ctx, target(ctx).compose(t -> stored(t.ds()).compose(ds -> lists(t.e(), ds.nUsers())
        .compose(l -> blocking(() -> ExploreJson.audience(ds, l,
            sel.k() == null ? t.defaultK() : sel.k(), RequestedIds.items(ds, sel.ids(),
                ExploreJson.ITEMS_EXAMPLE)))))));
  }

  // ---------------------------------------------------------------- drill-down

  private void drilldown(RoutingContext ctx) {
    Caller caller = Caller.of(ctx);
    String user = ctx.pathParam("user");
    String kParam = ctx.request().getParam("k");
    Integer k = null;
    if (kParam != null) {
      try {
        k = Integer.parseInt(kParam.trim());
      } catch (NumberFormatException e) {
        k = -1;
      }
      if (k < 1 || k > 1000) {
        throw ApiException.badRequest("k must be an integer in [1, 1000], got " + kParam,
            "?experiments=BPR,ItemKNN&k=10");
      }
    }
    Set<String> names = new LinkedHashSet<>();
    String list = ctx.request().getParam("experiments");
    if (list != null) {
      for (String n : list.split(",")) {
        if (!n.isBlank()) {
          names.add(n.trim());
        }
      }
      if (names.isEmpty() || names.size() > MAX_DRILLDOWN_EXPERIMENTS) {
        throw ApiException.badRequest("name 1 to " + MAX_DRILLDOWN_EXPERIMENTS
            + " experiments", "?experiments=BPR,ItemKNN&k=10");
      }
    }
    Integer kk = k;
    reply(ctx, lookups.dataset(caller, ctx.pathParam("dataset")).compose(ds -> {
      Future<List<ExperimentRecord>> chosen;
      if (names.isEmpty()) {
        chosen = experiments.list(caller.teamId(), ds.id()).map(all -> all.stream()
            .filter(x -> ExperimentRepository.READY.equals(x.status()))
            .limit(MAX_DRILLDOWN_EXPERIMENTS).toList());
      } else {
        List<Future<ExperimentRecord>> each = new ArrayList<>();
        for (String n : names) {
          each.add(lookups.ready(ds, n, "its analysis exists"));
        }
        chosen = Future.all(each).map(v -> each.stream().map(Future::result).toList());
      }
      return Future.all(chosen, stored(ds)).compose(v -> {
        Dataset data = stored(ds).result();
        List<ExperimentRecord> es = chosen.result();
        List<Future<CandidateLists>> ls = new ArrayList<>();
        int k0 = Integer.MAX_VALUE;
        for (ExperimentRecord e : es) {
          ls.add(lists(e, data.nUsers()));
          k0 = Math.min(k0, new Target(ds, e).defaultK());
        }
        int useK = kk != null ? kk : k0 == Integer.MAX_VALUE ? 10 : k0;
        boolean intIds = "int".equals(ds.info().getString("id_type"));
        return Future.all(ls).compose(x -> blocking(() -> {
          List<Named<CandidateLists>> named = new ArrayList<>();
          for (int i = 0; i < es.size(); i++) {
            named.add(new Named<>(es.get(i).name(), ls.get(i).result()));
          }
          return ExploreJson.drilldown(data, user, named, useK, intIds);
        }));
      });
    }));
  }
}
