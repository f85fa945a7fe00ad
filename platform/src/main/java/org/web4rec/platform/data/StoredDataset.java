package org.web4rec.platform.data;

import io.vertx.core.Future;
import io.vertx.core.Vertx;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.TreeSet;
import java.util.Map;
import org.web4rec.core.data.Csr;
import org.web4rec.core.lists.CandidateLists;
import org.web4rec.platform.blob.BlobStore;
import org.web4rec.platform.table.ArrowCodec;
import org.web4rec.platform.table.Column;
import org.web4rec.platform.table.Table;

/**
 * A dataset as the workers use it: external ids in dense order and CSR structures over dense
 * indices, decoded from the blobs that ingest wrote. The blob layout is defined here, once:
 * {@code users.arrow} (user_id + user side columns), {@code items.arrow} (item_id + item side
 * columns), {@code train.arrow} (u, i [, rating, timestamp]) and {@code ground_truth.arrow} (u, i).
 */
public record StoredDataset(String[] userIds, String[] itemIds, Csr train, Csr groundTruth,
    Table users, Table items) {

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

  public int nUsers() {
    return userIds.length;
  }

  public int nItems() {
    return itemIds.length;
  }

  public Map<String, Integer> userIndex() {
    return index(userIds);
  }

  public Map<String, Integer> itemIndex() {
    return index(itemIds);
  }

  private static Map<String, Integer> index(String[] ids) {
    Map<String, Integer> m = new HashMap<>(ids.length * 2);
    for (int i = 0; i < ids.length; i++) {
      m.put(ids[i], i);
    }
    return m;
  }

  /** Reads and decodes the four blobs under {@code prefix}; decoding runs on a worker thread. */
  public static Future<StoredDataset> load(Vertx vertx, BlobStore blobs, String prefix) {
    Future<byte[]> users = blobs.get(prefix + USERS);
    Future<byte[]> items = blobs.get(prefix + ITEMS);
    Future<byte[]> train = blobs.get(prefix + TRAIN);
    Future<byte[]> gt = blobs.get(prefix + GROUND_TRUTH);
    return Future.all(users, items, train, gt).compose(v -> vertx.executeBlocking(() ->
        decode(users.result(), items.result(), train.result(), gt.result()), false));
  }

  public static StoredDataset decode(byte[] usersBytes, byte[] itemsBytes, byte[] trainBytes,
      byte[] gtBytes) {
    Table users = ArrowCodec.fromBytes(usersBytes);
    Table items = ArrowCodec.fromBytes(itemsBytes);
    String[] userIds = ((Column.Strings) users.columns().get(0)).values();
    String[] itemIds = ((Column.Strings) items.columns().get(0)).values();
    Csr train = pairs(ArrowCodec.fromBytes(trainBytes), userIds.length);
    Csr gt = pairs(ArrowCodec.fromBytes(gtBytes), userIds.length);
    return new StoredDataset(userIds, itemIds, train, gt, users, items);
  }

  private static Csr pairs(Table t, int nUsers) {
    int[] u = ints(t, "u");
    int[] i = ints(t, "i");
    return Csr.fromPairs(nUsers, u, i);
  }

  public static int[] ints(Table t, String name) {
    Column c = t.column(name).orElseThrow(
        () -> new IllegalStateException("stored table lacks column " + name));
    if (c instanceof Column.Ints ints) {
      return ints.values();
    }
    long[] longs = ((Column.Longs) c).values();
    int[] out = new int[longs.length];
    for (int k = 0; k < longs.length; k++) {
      out[k] = (int) longs[k];
    }
    return out;
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
    int[] u = ints(t, "u");
    int[] items = ints(t, "i");
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
  /** Every multi-valued item side column as sorted distinct value codes per dense item. */
  public Map<String, int[][]> multiValuedColumns() {
    Table items = this.items;
    Map<String, int[][]> out = new LinkedHashMap<>();
    for (Column c : items.columns()) {
      if (!(c instanceof Column.StringLists lists)) {
        continue;
      }
      Map<String, Integer> codes = new HashMap<>();
      int[][] perItem = new int[lists.size()][];
      for (int i = 0; i < perItem.length; i++) {
        String[] values = lists.values()[i];
        if (values == null) {
          continue;
        }
        TreeSet<Integer> set = new TreeSet<>();
        for (String v : values) {
          set.add(codes.computeIfAbsent(v, x -> codes.size()));
        }
        perItem[i] = set.stream().mapToInt(Integer::intValue).toArray();
      }
      out.put(c.name(), perItem);
    }
    return out;
  }

  /** The stored embedding table (i, e0..eD) as one vector per dense item, null where absent. */
  public static float[][] itemVectors(Table t, int nItems) {
    int[] ids = ints(t, t.columns().get(0).name());
    int dims = t.columns().size() - 1;
    float[][] out = new float[nItems][];
    for (int r = 0; r < ids.length; r++) {
      float[] v = new float[dims];
      for (int d = 0; d < dims; d++) {
        v[d] = ((Column.Floats) t.columns().get(d + 1)).values()[r];
      }
      out[ids[r]] = v;
    }
    return out;
  }
}
