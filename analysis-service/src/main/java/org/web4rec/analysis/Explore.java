package org.web4rec.analysis;

import org.web4rec.core.data.Dataset;
import io.vertx.core.json.JsonArray;
import io.vertx.core.json.JsonObject;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import org.web4rec.core.data.Csr;
import org.web4rec.core.explore.Aggregates;
import org.web4rec.core.lists.CandidateLists;
import org.web4rec.platform.http.ApiException;
import org.web4rec.core.table.Column;
import org.web4rec.core.table.Table;

/**
 * The synchronous panels of docs/analysis-api.md over a loaded dataset and experiment: point
 * attributes, filters, user and item selections, the audience comparison and the user
 * drill-down. Pure computation (runs on a worker thread); every "top-k" here is the first k of the
 * experiment's prepared list (train items removed, score order), never the whole candidate list.
 */
public final class Explore {

  static final int TOP_ITEMS = 20;
  static final int NUMERIC_BINS = 10;

  /** A ready experiment's name with its lists or per-user metric table. */
  public record Named<T>(String name, T value) {}

  private Explore() {}

  // ---------------------------------------------------------------- attributes and filters

  static JsonObject attributes(Dataset ds, String entity, Table perUser) {
    JsonArray side = new JsonArray();
    DatasetViews v = DatasetViews.of(ds);
    for (SideColumn c : entity.equals("user") ? v.userColumns : v.itemColumns) {
      side.add(new JsonObject().put("name", c.name()).put("kind", c.kind()));
    }
    JsonArray metrics = new JsonArray();
    if (entity.equals("user")) {
      if (perUser != null) {
        perUser.names().subList(1, perUser.names().size()).forEach(metrics::add);
      }
    } else {
      metrics.add("popularity");
    }
    return new JsonObject().put("entity", entity).put("side", side).put("metrics", metrics);
  }

  static JsonObject attribute(Dataset ds, String entity, String name, Table perUser,
      boolean intIds) {
    boolean users = entity.equals("user");
    int n = users ? ds.nUsers() : ds.nItems();
    JsonArray values = new JsonArray();
    String kind;
    SideColumn side = find(users ? DatasetViews.of(ds).userColumns
        : DatasetViews.of(ds).itemColumns, name);
    if (side != null) {
      kind = side.kind();
      for (int r = 0; r < n; r++) {
        values.add(side.json(r));
      }
    } else {
      double[] v = users ? metric(ds, perUser, name) : name.equals("popularity")
          ? popularity(ds) : null;
      if (v == null) {
        throw ApiException.badRequest("'" + name + "' is neither a " + entity
            + " side column nor a " + (users ? "per-user metric" : "item attribute")
            + "; GET .../attributes?entity=" + entity + " lists them",
            users ? "?entity=user&name=recall@10" : "?entity=item&name=popularity");
      }
      kind = SideColumn.NUMERIC;
      for (double x : v) {
        values.add(Double.isNaN(x) ? null : x);
      }
    }
    return new JsonObject().put("entity", entity).put("name", name).put("kind", kind)
        .put("ids", ids(users ? ds.userIds() : ds.itemIds(), intIds)).put("values", values);
  }

  static final String FILTER_EXAMPLE = "{\"entity\": \"user\", \"where\": {\"gender\": [\"F\"],"
      + " \"age\": {\"min\": 18, \"max\": 35}}, \"metric\": {\"name\": \"recall@10\", \"min\": 0.5}}";

  static JsonObject filter(Dataset ds, String entity, JsonObject where, JsonObject metric,
      Table perUser, boolean intIds) {
    boolean users = entity.equals("user");
    int n = users ? ds.nUsers() : ds.nItems();
    boolean[] keep = new boolean[n];
    Arrays.fill(keep, true);
    List<SideColumn> cols = users ? DatasetViews.of(ds).userColumns
        : DatasetViews.of(ds).itemColumns;
    if (where != null) {
      for (Map.Entry<String, Object> cond : where) {
        SideColumn c = find(cols, cond.getKey());
        if (c == null) {
          throw ApiException.badRequest("'" + cond.getKey() + "' is not a " + entity
              + " side column; columns: " + names(cols), FILTER_EXAMPLE);
        }
        apply(c, cond.getValue(), keep);
      }
    }
    if (metric != null) {
      if (!users) {
        throw ApiException.badRequest("a metric filter applies to users only",
            "{\"entity\": \"item\", \"where\": {\"genres\": [\"Comedy\"]}}");
      }
      String name = metric.getValue("name") instanceof String s ? s : null;
      double[] v = name == null ? null : metric(ds, perUser, name);
      if (v == null) {
        throw ApiException.badRequest("metric.name must be a per-user metric of the experiment, e.g. "
            + (perUser == null ? "recall@10" : perUser.names().subList(1,
                Math.min(4, perUser.names().size()))), FILTER_EXAMPLE);
      }
      double[] range = range(metric, "metric");
      for (int r = 0; r < n; r++) {
        keep[r] &= !Double.isNaN(v[r]) && v[r] >= range[0] && v[r] <= range[1];
      }
    }
    String[] all = users ? ds.userIds() : ds.itemIds();
    JsonArray out = new JsonArray();
    for (int r = 0; r < n; r++) {
      if (keep[r]) {
        out.add(ExternalIds.json(all[r], intIds));
      }
    }
    return new JsonObject().put("entity", entity).put("ids", out).put("n", out.size())
        .put("n_total", n);
  }

  private static void apply(SideColumn c, Object cond, boolean[] keep) {
    if (c.kind().equals(SideColumn.NUMERIC)) {
      if (!(cond instanceof JsonObject o)) {
        throw ApiException.badRequest("numeric column '" + c.name()
            + "' takes a range {\"min\": .., \"max\": ..}", FILTER_EXAMPLE);
      }
      double[] range = range(o, c.name());
      for (int r = 0; r < keep.length; r++) {
        double v = c.numbers()[r];
        keep[r] &= !Double.isNaN(v) && v >= range[0] && v <= range[1];
      }
      return;
    }
    if (!(cond instanceof JsonArray list)) {
      throw ApiException.badRequest("column '" + c.name() + "' takes a list of values",
          FILTER_EXAMPLE);
    }
    boolean[] wanted = new boolean[c.nLabels()];
    for (Object v : list) {
      for (int k = 0; k < c.nLabels(); k++) {
        if (c.labels()[k].equals(String.valueOf(v))) {
          wanted[k] = true;
        }
      }
    }
    for (int r = 0; r < keep.length; r++) {
      if (!keep[r]) {
        continue;
      }
      boolean any = false;
      if (c.codes() != null) {
        any = c.codes()[r] >= 0 && wanted[c.codes()[r]];
      } else if (c.multi()[r] != null) {
        for (int code : c.multi()[r]) {
          any |= wanted[code];
        }
      }
      keep[r] = any;
    }
  }

  /** {min, max}: inclusive, either optional. */
  private static double[] range(JsonObject o, String what) {
    double[] out = {Double.NEGATIVE_INFINITY, Double.POSITIVE_INFINITY};
    String[] keys = {"min", "max"};
    for (int k = 0; k < 2; k++) {
      Object v = o.getValue(keys[k]);
      if (v == null) {
        continue;
      }
      if (!(v instanceof Number num)) {
        throw ApiException.badRequest(what + "." + keys[k] + " must be a number", FILTER_EXAMPLE);
      }
      out[k] = num.doubleValue();
    }
    return out;
  }

  // ---------------------------------------------------------------- selections

  static final String USERS_EXAMPLE = "{\"user_ids\": [1, 2, 3], \"k\": 10}";
  static final String ITEMS_EXAMPLE = "{\"item_ids\": [31, 50], \"k\": 10}";

  /** The user-selection panels (blocking; run on a worker thread). */
  public static JsonObject selectUsers(Dataset ds, CandidateLists lists, int k, int[] selected,
      List<Named<Table>> perUser, boolean intIds) {
    JsonObject out = new JsonObject().put("n_selected", selected.length)
        .put("n_total", ds.nUsers()).put("k", k);
    DatasetViews views = DatasetViews.of(ds);
    out.put("side", side(views.userColumns, selected));
    JsonArray metrics = new JsonArray();
    String suffix = "@" + k;
    for (Named<Table> e : perUser) {
      Table t = e.value();
      int[] rows = tableRows(ds, t, selected);
      for (Column c : t.columns().subList(1, t.columns().size())) {
        if (!(c.name().endsWith(suffix) || c.name().contains(suffix + ":"))
            || !(c instanceof Column.Doubles d)) {
          continue;
        }
        metrics.add(new JsonObject().put("experiment", e.name()).put("metric", c.name())
            .put("selected", finite(Aggregates.mean(d.values(), rows)))
            .put("all", finite(Aggregates.mean(d.values(), null))));
      }
    }
    out.put("metrics", metrics);
    int[] count = new int[ds.nItems()];
    for (int u : selected) {
      int end = Math.min(lists.end(u), lists.start(u) + k);
      for (int x = lists.start(u); x < end; x++) {
        count[lists.items()[x]]++;
      }
    }
    List<SideColumn> itemCols = views.itemColumns;
    JsonArray top = new JsonArray();
    for (int i : Aggregates.top(count, TOP_ITEMS)) {
      top.add(new JsonObject().put("item", ExternalIds.json(ds.itemIds()[i], intIds))
          .put("count", count[i])
          .put("share", (double) count[i] / selected.length)
          .put("side", SideColumn.row(itemCols, i)));
    }
    out.put("top_items", top);
    JsonArray genres = new JsonArray();
    for (SideColumn c : itemCols) {
      if (!c.kind().equals(SideColumn.MULTI)) {
        continue;
      }
      int[] train = new int[c.nLabels()];
      int[] recommended = new int[c.nLabels()];
      for (int u : selected) {
        Csr tr = ds.train();
        for (int x = tr.start(u); x < tr.end(u); x++) {
          add(train, c.multi()[tr.values()[x]]);
        }
        int end = Math.min(lists.end(u), lists.start(u) + k);
        for (int x = lists.start(u); x < end; x++) {
          add(recommended, c.multi()[lists.items()[x]]);
        }
      }
      int[] order = order(sum(train, recommended));
      genres.add(new JsonObject().put("column", c.name())
          .put("values", labels(c, order)).put("train", shares(train, order))
          .put("recommended", shares(recommended, order))
          .put("train_counts", counts(train, order))
          .put("recommended_counts", counts(recommended, order)));
    }
    return out.put("genres", genres);
  }

  static JsonObject selectItems(Dataset ds, CandidateLists lists, int k, int[] selected) {
    JsonObject out = new JsonObject().put("n_selected", selected.length)
        .put("n_total", ds.nItems()).put("k", k);
    out.put("side", side(DatasetViews.of(ds).itemColumns, selected));
    double[] pop = popularity(ds);
    double max = 0;
    for (double p : pop) {
      max = Math.max(max, p);
    }
    double[] edges = Aggregates.logEdges(max);
    out.put("popularity", new JsonObject()
        .put("selected", new JsonObject().put("mean", finite(Aggregates.mean(pop, selected)))
            .put("median", finite(Aggregates.median(pop, selected))))
        .put("all", new JsonObject().put("mean", finite(Aggregates.mean(pop, null)))
            .put("median", finite(Aggregates.median(pop, null))))
        .put("edges", array(edges))
        .put("selected_counts", array(Aggregates.histogram(pop, edges, selected)))
        .put("all_counts", array(Aggregates.histogram(pop, edges, null))));
    boolean[] chosen = mask(ds.nItems(), selected);
    long slots = 0;
    long hits = 0;
    for (int u = 0; u < lists.users(); u++) {
      int end = Math.min(lists.end(u), lists.start(u) + k);
      for (int x = lists.start(u); x < end; x++) {
        slots++;
        if (chosen[lists.items()[x]]) {
          hits++;
        }
      }
    }
    out.put("recommended", new JsonObject().put("selected_share",
        slots == 0 ? 0.0 : (double) hits / slots).put("selected_slots", hits)
        .put("slots", slots));
    return out;
  }

  /**
   * Who meets the selected items: users with any of them in train vs users with any of them in the
   * experiment's top-k, each side column's distribution over the two groups (distinct users).
   */
  public static JsonObject audience(Dataset ds, CandidateLists lists, int k, int[] selected) {
    boolean[] chosen = mask(ds.nItems(), selected);
    List<Integer> interacted = new ArrayList<>();
    List<Integer> recommended = new ArrayList<>();
    Csr train = ds.train();
    for (int u = 0; u < ds.nUsers(); u++) {
      for (int x = train.start(u); x < train.end(u); x++) {
        if (chosen[train.values()[x]]) {
          interacted.add(u);
          break;
        }
      }
      int end = Math.min(lists.end(u), lists.start(u) + k);
      for (int x = lists.start(u); x < end; x++) {
        if (chosen[lists.items()[x]]) {
          recommended.add(u);
          break;
        }
      }
    }
    int[] groupI = interacted.stream().mapToInt(Integer::intValue).toArray();
    int[] groupR = recommended.stream().mapToInt(Integer::intValue).toArray();
    JsonArray rows = new JsonArray();
    for (SideColumn c : DatasetViews.of(ds).userColumns) {
      String[] labels;
      int[] ci;
      int[] cr;
      if (c.kind().equals(SideColumn.NUMERIC)) {
        double[] edges = Aggregates.equalWidthEdges(c.numbers(), NUMERIC_BINS);
        labels = binLabels(edges);
        ci = Aggregates.histogram(c.numbers(), edges, groupI);
        cr = Aggregates.histogram(c.numbers(), edges, groupR);
      } else {
        labels = c.labels();
        ci = c.codes() != null ? Aggregates.countCodes(c.codes(), c.nLabels(), groupI)
            : Aggregates.countMulti(c.multi(), c.nLabels(), groupI);
        cr = c.codes() != null ? Aggregates.countCodes(c.codes(), c.nLabels(), groupR)
            : Aggregates.countMulti(c.multi(), c.nLabels(), groupR);
      }
      int[] order = c.kind().equals(SideColumn.NUMERIC) ? identity(labels.length)
          : order(sum(ci, cr));
      for (int g = 0; g < 2; g++) {
        int[] counts = g == 0 ? ci : cr;
        for (int b : order) {
          rows.add(new JsonObject().put("group", g == 0 ? "interacted" : "recommended")
              .put("column", c.name()).put("value", labels[b]).put("count", counts[b]));
        }
      }
    }
    return new JsonObject().put("k", k).put("n_selected", selected.length)
        .put("n_interacted", groupI.length).put("n_recommended", groupR.length).put("rows", rows);
  }

  // ---------------------------------------------------------------- drill-down

  static JsonObject drilldown(Dataset ds, String userId, List<Named<CandidateLists>> lists,
      int k, boolean intIds) {
    DatasetViews views = DatasetViews.of(ds);
    Integer u = views.userIndex.get(userId);
    if (u == null) {
      throw ApiException.notFound("user " + userId + " is not in the dataset");
    }
    List<SideColumn> itemCols = views.itemColumns;
    JsonObject out = new JsonObject().put("user", ExternalIds.json(userId, intIds))
        .put("side", SideColumn.row(views.userColumns, u)).put("k", k);
    out.put("train", items(ds, itemCols, ds.train(), u, intIds));
    out.put("ground_truth", items(ds, itemCols, ds.groundTruth(), u, intIds));
    JsonArray exps = new JsonArray();
    for (Named<CandidateLists> e : lists) {
      CandidateLists l = e.value();
      JsonArray its = new JsonArray();
      int end = Math.min(l.end(u), l.start(u) + k);
      for (int x = l.start(u); x < end; x++) {
        int i = l.items()[x];
        its.add(new JsonObject().put("item", ExternalIds.json(ds.itemIds()[i], intIds))
            .put("rank", x - l.start(u) + 1).put("score", (double) l.scores()[x])
            .put("hit", ds.groundTruth().contains(u, i)).put("side", SideColumn.row(itemCols, i)));
      }
      int hits = 0;
      for (int x = 0; x < its.size(); x++) {
        hits += its.getJsonObject(x).getBoolean("hit") ? 1 : 0;
      }
      exps.add(new JsonObject().put("name", e.name()).put("hits", hits).put("items", its));
    }
    return out.put("experiments", exps);
  }

  private static JsonArray items(Dataset ds, List<SideColumn> cols, Csr m, int u,
      boolean intIds) {
    JsonArray out = new JsonArray();
    for (int x = m.start(u); x < m.end(u); x++) {
      int i = m.values()[x];
      out.add(new JsonObject().put("item", ExternalIds.json(ds.itemIds()[i], intIds))
          .put("side", SideColumn.row(cols, i)));
    }
    return out;
  }

  // ---------------------------------------------------------------- helpers

  /** Side-column distributions, selection vs all, in the shape of docs/analysis-api.md. */
  static JsonArray side(List<SideColumn> cols, int[] selected) {
    JsonArray out = new JsonArray();
    for (SideColumn c : cols) {
      JsonObject o = new JsonObject().put("column", c.name()).put("kind", c.kind());
      if (c.kind().equals(SideColumn.NUMERIC)) {
        double[] edges = Aggregates.equalWidthEdges(c.numbers(), NUMERIC_BINS);
        o.put("edges", array(edges))
            .put("selected", array(Aggregates.histogram(c.numbers(), edges, selected)))
            .put("all", array(Aggregates.histogram(c.numbers(), edges, null)));
      } else {
        int[] sel = c.codes() != null ? Aggregates.countCodes(c.codes(), c.nLabels(), selected)
            : Aggregates.countMulti(c.multi(), c.nLabels(), selected);
        int[] all = c.codes() != null ? Aggregates.countCodes(c.codes(), c.nLabels(), null)
            : Aggregates.countMulti(c.multi(), c.nLabels(), null);
        int[] order = order(all);
        o.put("values", labels(c, order)).put("selected", counts(sel, order))
            .put("all", counts(all, order));
      }
      out.add(o);
    }
    return out;
  }

  static double[] popularity(Dataset ds) {
    double[] pop = new double[ds.nItems()];
    Csr t = ds.train();
    for (int x = t.offsets()[0]; x < t.offsets()[t.rows()]; x++) {
      pop[t.values()[x]]++;
    }
    return pop;
  }

  /** A per-user metric column aligned with the dataset's users (NaN where absent), or null. */
  static double[] metric(Dataset ds, Table perUser, String name) {
    if (perUser == null || name == null || name.equals(perUser.names().get(0))) {
      return null;
    }
    Column c = perUser.column(name).orElse(null);
    if (!(c instanceof Column.Doubles d)) {
      return null;
    }
    double[] out = new double[ds.nUsers()];
    Arrays.fill(out, Double.NaN);
    int[] dense = DatasetViews.of(ds).denseUsers(perUser);
    for (int r = 0; r < perUser.rows(); r++) {
      if (dense[r] >= 0 && !d.isNull(r)) {
        out[dense[r]] = d.values()[r];
      }
    }
    return out;
  }

  /** Rows of a per-user table that belong to the selected dense users. */
  private static int[] tableRows(Dataset ds, Table perUser, int[] selected) {
    boolean[] chosen = mask(ds.nUsers(), selected);
    int[] dense = DatasetViews.of(ds).denseUsers(perUser);
    int[] out = new int[perUser.rows()];
    int n = 0;
    for (int r = 0; r < dense.length; r++) {
      if (dense[r] >= 0 && chosen[dense[r]]) {
        out[n++] = r;
      }
    }
    return Arrays.copyOf(out, n);
  }

  private static SideColumn find(List<SideColumn> cols, String name) {
    for (SideColumn c : cols) {
      if (c.name().equals(name)) {
        return c;
      }
    }
    return null;
  }

  private static List<String> names(List<SideColumn> cols) {
    return cols.stream().map(SideColumn::name).toList();
  }

  static boolean[] mask(int n, int[] rows) {
    boolean[] m = new boolean[n];
    for (int r : rows) {
      m[r] = true;
    }
    return m;
  }

  private static void add(int[] counts, int[] codes) {
    if (codes != null) {
      for (int c : codes) {
        counts[c]++;
      }
    }
  }

  private static int[] sum(int[] a, int[] b) {
    int[] s = new int[a.length];
    for (int i = 0; i < a.length; i++) {
      s[i] = a[i] + b[i];
    }
    return s;
  }

  /** Every index, by count descending then index (so zero counts keep their place at the end). */
  private static int[] order(int[] counts) {
    return java.util.stream.IntStream.range(0, counts.length).boxed()
        .sorted((a, b) -> counts[a] != counts[b] ? Integer.compare(counts[b], counts[a])
            : Integer.compare(a, b)).mapToInt(Integer::intValue).toArray();
  }

  private static int[] identity(int n) {
    int[] o = new int[n];
    for (int i = 0; i < n; i++) {
      o[i] = i;
    }
    return o;
  }

  private static JsonArray labels(SideColumn c, int[] order) {
    JsonArray a = new JsonArray();
    for (int i : order) {
      a.add(c.labels()[i]);
    }
    return a;
  }

  private static JsonArray counts(int[] counts, int[] order) {
    JsonArray a = new JsonArray();
    for (int i : order) {
      a.add(counts[i]);
    }
    return a;
  }

  private static JsonArray shares(int[] counts, int[] order) {
    long total = 0;
    for (int c : counts) {
      total += c;
    }
    JsonArray a = new JsonArray();
    for (int i : order) {
      a.add(total == 0 ? 0.0 : (double) counts[i] / total);
    }
    return a;
  }

  static String[] binLabels(double[] edges) {
    String[] out = new String[Math.max(0, edges.length - 1)];
    for (int b = 0; b < out.length; b++) {
      out[b] = "[" + num(edges[b]) + ", " + num(edges[b + 1]) + (b == out.length - 1 ? "]" : ")");
    }
    return out;
  }

  private static String num(double v) {
    return v == Math.rint(v) && Math.abs(v) < 1e15 ? Long.toString((long) v)
        : String.format(Locale.ROOT, "%.4g", v);
  }

  private static JsonArray array(double[] v) {
    JsonArray a = new JsonArray();
    for (double x : v) {
      a.add(x);
    }
    return a;
  }

  private static JsonArray array(int[] v) {
    JsonArray a = new JsonArray();
    for (int x : v) {
      a.add(x);
    }
    return a;
  }

  private static Double finite(double v) {
    return Double.isFinite(v) ? v : null;
  }

  static JsonArray ids(String[] ids, boolean intIds) {
    JsonArray a = new JsonArray();
    for (String id : ids) {
      a.add(ExternalIds.json(id, intIds));
    }
    return a;
  }
}
