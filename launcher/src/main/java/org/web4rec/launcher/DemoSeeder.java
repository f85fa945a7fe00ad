package org.web4rec.launcher;

import io.vertx.core.Future;
import io.vertx.core.Vertx;
import io.vertx.core.json.JsonObject;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.web4rec.core.baselines.Baselines;
import org.web4rec.core.baselines.Recommendations;
import org.web4rec.core.data.Csr;
import org.web4rec.core.synth.SyntheticData;
import org.web4rec.core.synth.SyntheticDataset;
import org.web4rec.core.synth.SyntheticSpec;
import org.web4rec.core.table.Column;
import org.web4rec.core.table.Table;

/**
 * Seeds a first-time user's server through the public API: a demo account, a synthetic
 * MovieLens-like dataset (power-law popularity, user age/gender/occupation, multi-valued genres,
 * year) and baseline experiments computed in Java (most-popular, random, item-kNN). Running it
 * again adds nothing that exists.
 */
public final class DemoSeeder {

  public static final String EMAIL = "demo@web4rec.local";
  public static final String PASSWORD = "web4rec-demo";
  public static final String DATASET = "demo-ml";

  private DemoSeeder() {}

  public static Future<Void> seed(Vertx vertx, int port) {
    ApiClient api = new ApiClient(vertx, port);
    JsonObject credentials = new JsonObject().put("email", EMAIL).put("password", PASSWORD);
    return api.postJson("/auth/signup", credentials).compose(r -> {
      if (r.statusCode() == 201) {
        String token = r.bodyAsJsonObject().getString("token");
        System.out.println("demo account " + EMAIL + " / " + PASSWORD + ", API token " + token);
        return Future.succeededFuture(token);
      }
      return api.postJson("/auth/login", credentials).map(l -> {
        if (l.statusCode() != 200) {
          throw new IllegalStateException("demo login failed: " + l.bodyAsString());
        }
        System.out.println("demo account " + EMAIL + " / " + PASSWORD + " (exists)");
        return l.bodyAsJsonObject().getString("session");
      });
    }).compose(token -> {
      api.token(token);
      return vertx.executeBlocking(() -> SyntheticData.generate(SyntheticSpec.demo(42)), false);
    }).compose(data -> registerDataset(api, data)
        .compose(v -> uploadBaselines(vertx, api, data)))
    .onComplete(ar -> api.close());
  }

  private static Future<Void> registerDataset(ApiClient api, SyntheticDataset d) {
    Map<String, Table> tables = new LinkedHashMap<>();
    tables.put("train", Table.of(
        new Column.Longs("user_id", ids(d.trainUsers()), null),
        new Column.Longs("item_id", ids(d.trainItems()), null),
        new Column.Doubles("rating", toDoubles(d.trainRatings()), null),
        new Column.Longs("timestamp", d.trainTimestamps(), null)));
    tables.put("ground_truth", Table.of(
        new Column.Longs("user_id", ids(d.gtUsers()), null),
        new Column.Longs("item_id", ids(d.gtItems()), null)));
    tables.put("user_side", Table.of(
        new Column.Longs("user_id", ids(range(d.nUsers())), null),
        new Column.Longs("age", toLongs(d.age()), null),
        new Column.Strings("gender", d.gender()),
        new Column.Strings("occupation", d.occupation())));
    tables.put("item_side", Table.of(
        new Column.Longs("item_id", ids(range(d.nItems())), null),
        new Column.StringLists("genres", d.genres()),
        new Column.Longs("year", toLongs(d.year()), null)));
    return api.postTables("/datasets", Map.of("name", DATASET), tables).compose(r -> {
      if (r.statusCode() == 201 || r.statusCode() == 409) {
        System.out.println("dataset " + DATASET + (r.statusCode() == 409 ? " (exists)" : ""));
        return Future.succeededFuture();
      }
      return Future.failedFuture("dataset registration failed: " + r.bodyAsString());
    });
  }

  private static Future<Void> uploadBaselines(Vertx vertx, ApiClient api, SyntheticDataset d) {
    Csr train = d.train();
    record Baseline(String name, JsonObject hp, java.util.concurrent.Callable<Recommendations> run) {}
    List<Baseline> baselines = List.of(
        new Baseline("MostPopular", new JsonObject().put("model", "most-popular"),
            () -> Baselines.mostPopular(train, d.nItems(), 100)),
        new Baseline("Random", new JsonObject().put("model", "random").put("seed", 7),
            () -> Baselines.random(train, d.nItems(), 100, 7)),
        new Baseline("ItemKNN-50", new JsonObject().put("model", "item-knn")
            .put("neighbours", 50).put("similarity", "cosine"),
            () -> Baselines.itemKnn(train, d.nItems(), 100, 50)));
    Future<Void> chain = Future.succeededFuture();
    for (Baseline b : baselines) {
      chain = chain.compose(v -> vertx.executeBlocking(b.run(), false)).compose(recs -> {
        Table table = Table.of(new Column.Longs("user_id", ids(recs.users()), null),
            new Column.Longs("item_id", ids(recs.items()), null),
            new Column.Floats("score", recs.scores()));
        JsonObject meta = new JsonObject().put("experiment_name", b.name())
            .put("hyper_parameters", b.hp()).put("n_candidates", 100);
        return api.postTables("/datasets/" + DATASET + "/experiments",
            Map.of("meta", meta.encode()), Map.of("recommendations", table));
      }).compose(r -> {
        if (r.statusCode() == 202 || r.statusCode() == 409) {
          System.out.println("experiment " + b.name() + (r.statusCode() == 409 ? " (exists)"
              : " uploaded; metrics computing"));
          return Future.succeededFuture();
        }
        return Future.failedFuture("upload of " + b.name() + " failed: " + r.bodyAsString());
      });
    }
    return chain;
  }

  /** External ids of the synthetic data are dense index + 1 (SyntheticDataset#userId). */
  private static long[] ids(int[] dense) {
    long[] out = new long[dense.length];
    for (int k = 0; k < dense.length; k++) {
      out[k] = dense[k] + 1L;
    }
    return out;
  }

  private static int[] range(int n) {
    int[] out = new int[n];
    for (int k = 0; k < n; k++) {
      out[k] = k;
    }
    return out;
  }

  private static long[] toLongs(int[] v) {
    long[] out = new long[v.length];
    for (int k = 0; k < v.length; k++) {
      out[k] = v[k];
    }
    return out;
  }

  private static double[] toDoubles(float[] v) {
    double[] out = new double[v.length];
    for (int k = 0; k < v.length; k++) {
      out[k] = v[k];
    }
    return out;
  }
}
