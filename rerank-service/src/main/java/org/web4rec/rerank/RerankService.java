package org.web4rec.rerank;

import org.web4rec.core.data.Dataset;
import io.vertx.core.Future;
import io.vertx.core.Vertx;
import io.vertx.core.json.JsonArray;
import io.vertx.core.json.JsonObject;
import java.security.MessageDigest;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.HexFormat;
import java.util.List;
import java.util.Map;
import org.web4rec.platform.blob.BlobKeys;
import org.web4rec.platform.blob.BlobStore;
import org.web4rec.platform.bus.MessageBus;
import org.web4rec.platform.contracts.Events;
import org.web4rec.platform.contracts.ExperimentSettings;
import org.web4rec.platform.contracts.RerankLineage;
import org.web4rec.platform.contracts.Topics;
import org.web4rec.platform.data.DatasetCache;
import org.web4rec.platform.data.StoredDataset;
import org.web4rec.platform.http.ApiException;
import org.web4rec.platform.http.Caller;
import org.web4rec.platform.http.Views;
import org.web4rec.platform.sql.DatasetRepository.DatasetRecord;
import org.web4rec.platform.sql.DuplicateKeyException;
import org.web4rec.platform.sql.ExperimentRepository;
import org.web4rec.platform.sql.ExperimentRepository.ExperimentRecord;
import org.web4rec.platform.sql.Ids;
import org.web4rec.platform.table.ArrowCodec;
import org.web4rec.core.table.Column;
import org.web4rec.core.table.Table;

/**
 * Accepts re-rank and sweep requests: validates them against the parent experiment and the
 * dataset, creates one derived experiment row per λ (group users as a blob first), then emits one
 * {@code rerank.requested}; undoes its writes when a later step fails.
 */
public final class RerankService {

  private final BlobStore blobs;
  private final ExperimentRepository experiments;
  private final MessageBus bus;
  private final DatasetCache cache;

  public RerankService(Vertx vertx, BlobStore blobs, ExperimentRepository experiments,
      MessageBus bus, DatasetCache cache) {
    this.blobs = blobs;
    this.experiments = experiments;
    this.bus = bus;
    this.cache = cache;
  }

  Future<List<JsonObject>> request(Caller caller, DatasetRecord ds, ExperimentRecord parent,
      RerankRequest req) {
    if (!ExperimentRepository.READY.equals(parent.status())) {
      return Future.failedFuture(ApiException.conflict("experiment '" + parent.name() + "' is "
          + parent.status() + "; re-rank it once it is ready"));
    }
    ExperimentSettings parentSettings = parent.settings();
    if (parentSettings.isDerived()) {
      return Future.failedFuture(ApiException.badRequest("'" + parent.name() + "' is itself a"
          + " re-rank; re-rank its parent '" + parentSettings.rerank().parent() + "' instead",
          RerankRequest.EXAMPLE));
    }
    // N is at most what was uploaded: asking for more re-ranks every uploaded candidate.
    int parentN = parentSettings.nCandidates();
    int n = req.n() == null ? parentN : Math.min(req.n(), parentN);
    if (req.k() > n) {
      return Future.failedFuture(ApiException.badRequest("k (" + req.k() + ") exceeds"
          + " n_candidates (" + n + ")", RerankRequest.EXAMPLE));
    }
    String source = req.sim() != null ? req.sim() : req.column();
    try {
      checkSource(ds, parent, req, source);
    } catch (ApiException e) {
      return Future.failedFuture(e);
    }
    return cache.get(ds.teamId(), ds.id(), ds.version()).compose(stored -> {
      int[] group = req.users() == null ? null : groupIndices(stored, req.users());
      String hash = group == null ? null : groupHash(group);
      List<ExperimentRecord> rows = new ArrayList<>();
      long now = System.currentTimeMillis();
      RerankLineage lineage = new RerankLineage(parent.name(), parent.id(),
          req.objective().kind().label(), source, 0, req.k(), n,
          group == null ? null : group.length);
      for (double lambda : req.lambdas()) {
        // The derived lists hold K items, re-ranked from the parent's first N: N is what the
        // experiment reports as its candidates.
        ExperimentSettings settings = new ExperimentSettings(List.of(req.k()), n,
            group == null ? parentSettings.usersWithList() : group.length, ds.version(),
            parentSettings.itemEmbeddingDims(), null, lineage.withLambda(lambda));
        rows.add(new ExperimentRecord(Ids.next("ex"), caller.teamId(), ds.id(),
            req.derivedName(parent.name(), lambda, hash), ExperimentRepository.UPLOADED, null,
            parent.hyperParameters().copy(), settings, null, null, now, now));
      }
      return store(caller, ds, parent, rows, group);
    });
  }

  private static void checkSource(DatasetRecord ds, ExperimentRecord parent, RerankRequest req,
      String source) {
    if (source == null) {
      return;
    }
    List<String> multi = new ArrayList<>();
    for (Object o : ds.info().getJsonArray("item_columns", new JsonArray())) {
      JsonObject c = (JsonObject) o;
      if ("multi".equals(c.getString("kind"))) {
        multi.add(c.getString("name"));
      }
    }
    if (req.column() != null) {
      if (!multi.contains(req.column())) {
        throw ApiException.badRequest("calibration needs a multi-valued item column; '"
            + req.column() + "' is not one of " + multi, "{\"column\": \"genres\"}");
      }
      return;
    }
    if (source.equals("emb")) {
      if (!parent.settings().hasItemEmbeddings()) {
        throw ApiException.badRequest("sim 'emb' needs item embeddings, and experiment '"
            + parent.name() + "' was uploaded without them", "{\"sim\": \"cooc\"}");
      }
    } else if (source.startsWith("genre.")) {
      if (!multi.contains(source.substring(6))) {
        throw ApiException.badRequest("sim '" + source + "' needs a multi-valued item column; the"
            + " dataset has " + multi, "{\"sim\": \"genre.genres\"}");
      }
    } else if (!source.equals("cooc")) {
      throw ApiException.badRequest("sim must be cooc, emb or genre.<column>, got '" + source
          + "'", "{\"sim\": \"cooc\"}");
    }
  }

  /** Dense indices of the group's users, ascending; unknown ids answer 400 with examples. */
  private static int[] groupIndices(Dataset ds, List<String> users) {
    Map<String, Integer> index = ds.userIndex();
    List<String> unknown = new ArrayList<>();
    int[] out = new int[users.size()];
    for (int k = 0; k < out.length; k++) {
      Integer u = index.get(users.get(k));
      if (u == null) {
        if (unknown.size() < 5) {
          unknown.add(users.get(k));
        }
      } else {
        out[k] = u;
      }
    }
    if (!unknown.isEmpty()) {
      throw ApiException.badRequest("users names ids that are not in the dataset, e.g. " + unknown,
          RerankRequest.EXAMPLE);
    }
    return Arrays.stream(out).distinct().sorted().toArray();
  }

  private static String groupHash(int[] group) {
    try {
      MessageDigest md = MessageDigest.getInstance("SHA-256");
      for (int u : group) {
        md.update(new byte[] {(byte) (u >>> 24), (byte) (u >>> 16), (byte) (u >>> 8), (byte) u});
      }
      return HexFormat.of().formatHex(md.digest()).substring(0, 8);
    } catch (java.security.NoSuchAlgorithmException e) {
      throw new IllegalStateException(e);
    }
  }

  private Future<List<JsonObject>> store(Caller caller, DatasetRecord ds, ExperimentRecord parent,
      List<ExperimentRecord> rows, int[] group) {
    Future<Void> chain = Future.succeededFuture();
    byte[] groupBlob = group == null ? null
        : ArrowCodec.toBytes(Table.of(new Column.Ints("u", group)));
    for (ExperimentRecord r : rows) {
      chain = chain.compose(v -> (groupBlob == null ? Future.<Void>succeededFuture()
              : blobs.put(BlobKeys.experiment(r.teamId(), r.id()) + StoredDataset.GROUP_USERS,
                  groupBlob))
          .compose(x -> experiments.insert(r)));
    }
    return chain
        .compose(v -> bus.publish(Topics.RERANK_REQUESTED, parent.id(),
            new Events.RerankRequested(caller.teamId(), ds.id(), parent.id(),
                rows.stream().map(ExperimentRecord::id).toList()).toJson()))
        .map(v -> rows.stream().map(r -> Views.experiment(r, ds.name(), Map.of())).toList())
        .recover(t -> {
          List<Future<Void>> undo = new ArrayList<>();
          for (ExperimentRecord r : rows) {
            undo.add(experiments.delete(r.id()));
            undo.add(blobs.deletePrefix(BlobKeys.experiment(r.teamId(), r.id())));
          }
          return Future.join(undo).transform(ar -> Future.failedFuture(
              t instanceof DuplicateKeyException ? ApiException.conflict("an experiment named"
                  + " like this re-rank exists already; give another name (\"name\": ...)")
                  : t instanceof ApiException ? t
                  : ApiException.unavailable("could not store the re-rank: " + t.getMessage())));
        });
  }
}
