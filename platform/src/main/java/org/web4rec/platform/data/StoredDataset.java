package org.web4rec.platform.data;

import io.vertx.core.Future;
import io.vertx.core.Vertx;
import org.web4rec.core.data.Csr;
import org.web4rec.core.data.Dataset;
import org.web4rec.core.lists.CandidateLists;
import org.web4rec.platform.blob.BlobStore;
import org.web4rec.platform.table.ArrowCodec;
import org.web4rec.core.table.Column;
import org.web4rec.core.table.Table;

/**
 * Where datasets and experiments live in the blob store and how their blobs decode into core
 * structures ({@link Dataset}, {@link CandidateLists}). The blob layout is defined here, once:
 * {@code users.arrow} (user_id + user side columns), {@code items.arrow} (item_id + item side
 * columns), {@code train.arrow} (u, i [, rating, timestamp]) and {@code ground_truth.arrow} (u, i).
 */
public final class StoredDataset {

  private StoredDataset() {}

  public static final String USERS = "users.arrow";
  public static final String ITEMS = "items.arrow";
  public static final String TRAIN = "train.arrow";
  public static final String GROUND_TRUTH = "ground_truth.arrow";

  /** Experiment blobs: prepared candidate lists and per-user metric values. */
  public static final String CANDIDATES = "candidates.arrow";
  public static final String PER_USER = "per_user.arrow";
  /** Per item: item_id, pop and exposure@K (number of lists L_u containing it) for every K. */
  public static final String EXPOSURE = "exposure.arrow";
  /** A re-rank of a user group: the group's dense user indices (column u). */
  public static final String GROUP_USERS = "group_users.arrow";
  /** Optional experiment blobs: dense id column (i or u) and float columns e0..eD. */
  public static final String ITEM_EMBEDDINGS = "item_embeddings.arrow";
  public static final String USER_EMBEDDINGS = "user_embeddings.arrow";

  /** Reads and decodes the four blobs under {@code prefix}; decoding runs on a worker thread. */
  public static Future<Dataset> load(Vertx vertx, BlobStore blobs, String prefix) {
    Future<byte[]> users = blobs.get(prefix + USERS);
    Future<byte[]> items = blobs.get(prefix + ITEMS);
    Future<byte[]> train = blobs.get(prefix + TRAIN);
    Future<byte[]> gt = blobs.get(prefix + GROUND_TRUTH);
    return Future.all(users, items, train, gt).compose(v -> vertx.executeBlocking(() ->
        decode(users.result(), items.result(), train.result(), gt.result()), false));
  }

  public static Dataset decode(byte[] usersBytes, byte[] itemsBytes, byte[] trainBytes,
      byte[] gtBytes) {
    Table users = ArrowCodec.fromBytes(usersBytes);
    Table items = ArrowCodec.fromBytes(itemsBytes);
    String[] userIds = ((Column.Strings) users.columns().get(0)).values();
    String[] itemIds = ((Column.Strings) items.columns().get(0)).values();
    Csr train = pairs(ArrowCodec.fromBytes(trainBytes), userIds.length);
    Csr gt = pairs(ArrowCodec.fromBytes(gtBytes), userIds.length);
    return new Dataset(userIds, itemIds, train, gt, users, items);
  }

  private static Csr pairs(Table t, int nUsers) {
    int[] u = t.ints("u");
    int[] i = t.ints("i");
    return Csr.fromPairs(nUsers, u, i);
  }

  /** Candidate lists blob: columns u, i, score with rows grouped by user in list order. */
  public static byte[] encodeCandidates(CandidateLists lists) {
    int n = lists.items().length;
    int[] u = new int[n];
    for (int user = 0; user < lists.users(); user++) {
      for (int k = lists.start(user); k < lists.end(user); k++) {
        u[k] = user;
      }
    }
    return ArrowCodec.toBytes(Table.of(new Column.Ints("u", u),
        new Column.Ints("i", lists.items()), new Column.Floats("score", lists.scores())));
  }

  public static CandidateLists decodeCandidates(byte[] bytes, int nUsers) {
    Table t = ArrowCodec.fromBytes(bytes);
    int[] u = t.ints("u");
    int[] items = t.ints("i");
    float[] scores = ((Column.Floats) t.column("score").orElseThrow()).values();
    int[] offsets = new int[nUsers + 1];
    for (int user : u) {
      offsets[user + 1]++;
    }
    for (int k = 0; k < nUsers; k++) {
      offsets[k + 1] += offsets[k];
    }
    return CandidateLists.ofSorted(offsets, items, scores);
  }
}
