package org.web4rec.analysis;

import io.vertx.core.json.JsonArray;
import io.vertx.core.json.JsonObject;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.stream.DoubleStream;
import java.util.stream.IntStream;
import java.util.stream.Stream;
import org.web4rec.core.data.Dataset;
import org.web4rec.core.explore.Attributes;
import org.web4rec.core.explore.Audiences;
import org.web4rec.core.explore.DatasetViews;
import org.web4rec.core.explore.Drilldowns;
import org.web4rec.core.explore.Entity;
import org.web4rec.core.explore.Filters;
import org.web4rec.core.explore.Named;
import org.web4rec.core.explore.Selections;
import org.web4rec.core.explore.SideColumn;
import org.web4rec.core.explore.SideCounts;
import org.web4rec.core.lists.CandidateLists;
import org.web4rec.core.table.Table;
import org.web4rec.platform.http.ApiException;

/**
 * The synchronous panels of docs/analysis-api.md as JSON: decodes the request's conditions, runs
 * the computation of {@code core/explore} and renders its records with the user's own ids (numbers
 * for integer-id datasets). Blocking; the routes run it on a worker thread.
 */
final class ExploreJson {

  static final String FILTER_EXAMPLE = Filters.EXAMPLE;
  static final String USERS_EXAMPLE = "{\"user_ids\": [1, 2, 3], \"k\": 10}";
  static final String ITEMS_EXAMPLE = "{\"item_ids\": [31, 50], \"k\": 10}";

  private ExploreJson() {}

  // ---------------------------------------------------------------- attributes and filters

  static JsonObject attributes(Dataset ds, String entity, Table perUser) {
    Attributes.Listing l = Attributes.list(ds, Entity.of(entity), perUser);
    JsonArray side = new JsonArray();
    for (SideColumn c : l.side()) {
      side.add(new JsonObject().put("name", c.name()).put("kind", c.kind()));
    }
    return new JsonObject().put("entity", entity).put("side", side)
        .put("metrics", new JsonArray(new ArrayList<>(l.metrics())));
  }

  static JsonObject attribute(Dataset ds, String entity, String name, Table perUser,
      boolean intIds) {
    Entity e = Entity.of(entity);
    Attributes.Values v = Attributes.values(ds, e, name, perUser);
    JsonArray values = new JsonArray();
    for (int r = 0; r < e.count(ds); r++) {
      values.add(v.side() != null ? value(v.side(), r)
          : Double.isNaN(v.numbers()[r]) ? null : v.numbers()[r]);
    }
    return new JsonObject().put("entity", entity).put("name", name).put("kind", v.kind())
        .put("ids", ExternalIds.json(e.ids(ds), null, intIds)).put("values", values);
  }

  static JsonObject filter(Dataset ds, String entity, JsonObject where, JsonObject metric,
      Table perUser, boolean intIds) {
    Map<String, Filters.Condition> conditions = null;
    if (where != null) {
      conditions = new LinkedHashMap<>();
      for (Map.Entry<String, Object> cond : where) {
        conditions.put(cond.getKey(), condition(cond.getValue()));
      }
    }
    Filters.MetricRange range = metric == null ? null : new Filters.MetricRange(
        metric.getValue("name") instanceof String s ? s : null, range(metric));
    Filters.Result r = Filters.filter(ds, Entity.of(entity), conditions, range, perUser);
    JsonArray ids = ExternalIds.json(r.entity().ids(ds), r.rows(), intIds);
    return new JsonObject().put("entity", entity).put("ids", ids).put("n", ids.size())
        .put("n_total", r.nTotal());
  }

  private static Filters.Condition condition(Object cond) {
    if (cond instanceof JsonObject o) {
      return range(o);
    }
    if (cond instanceof JsonArray list) {
      List<String> values = new ArrayList<>();
      for (Object v : list) {
        values.add(String.valueOf(v));
      }
      return new Filters.Labels(values);
    }
    return new Filters.Other();
  }

  private static Filters.Range range(JsonObject o) {
    return new Filters.Range(o.getValue("min"), o.getValue("max"));
  }

  // ---------------------------------------------------------------- selections

  static JsonObject selectUsers(Dataset ds, CandidateLists lists, int k, int[] selected,
      List<Named<Table>> perUser, boolean intIds) {
    Selections.Users s = Selections.users(ds, lists, k, selected, perUser);
    JsonObject out = new JsonObject().put("n_selected", s.nSelected())
        .put("n_total", s.nTotal()).put("k", s.k()).put("side", side(s.side()));
    JsonArray metrics = new JsonArray();
    for (Selections.MetricMeans m : s.metrics()) {
      metrics.add(new JsonObject().put("experiment", m.experiment()).put("metric", m.metric())
          .put("selected", finite(m.selected())).put("all", finite(m.all())));
    }
    out.put("metrics", metrics);
    List<SideColumn> itemCols = DatasetViews.of(ds).itemColumns();
    JsonArray top = new JsonArray();
    for (Selections.TopItem t : s.topItems()) {
      top.add(new JsonObject().put("item", ExternalIds.json(ds.itemIds()[t.item()], intIds))
          .put("count", t.count()).put("share", t.share()).put("side", row(itemCols, t.item())));
    }
    out.put("top_items", top);
    JsonArray genres = new JsonArray();
    for (Selections.LabelMix g : s.genres()) {
      genres.add(new JsonObject().put("column", g.column())
          .put("values", array(g.values())).put("train", array(g.trainShares()))
          .put("recommended", array(g.recommendedShares()))
          .put("train_counts", array(g.train()))
          .put("recommended_counts", array(g.recommended())));
    }
    return out.put("genres", genres);
  }

  static JsonObject selectItems(Dataset ds, CandidateLists lists, int k, int[] selected) {
    Selections.Items s = Selections.items(ds, lists, k, selected);
    Selections.Popularity p = s.popularity();
    return new JsonObject().put("n_selected", s.nSelected()).put("n_total", s.nTotal())
        .put("k", s.k()).put("side", side(s.side()))
        .put("popularity", new JsonObject()
            .put("selected", new JsonObject().put("mean", finite(p.selectedMean()))
                .put("median", finite(p.selectedMedian())))
            .put("all", new JsonObject().put("mean", finite(p.allMean()))
                .put("median", finite(p.allMedian())))
            .put("edges", array(p.edges()))
            .put("selected_counts", array(p.selectedCounts()))
            .put("all_counts", array(p.allCounts())))
        .put("recommended", new JsonObject().put("selected_share", s.selectedShare())
            .put("selected_slots", s.selectedSlots()).put("slots", s.slots()));
  }

  static JsonObject audience(Dataset ds, CandidateLists lists, int k, int[] selected) {
    Audiences.Audience a = Audiences.of(ds, lists, k, selected);
    JsonArray rows = new JsonArray();
    for (Audiences.Row r : a.rows()) {
      rows.add(new JsonObject().put("group", r.group()).put("column", r.column())
          .put("value", r.value()).put("count", r.count()));
    }
    return new JsonObject().put("k", a.k()).put("n_selected", a.nSelected())
        .put("n_interacted", a.nInteracted()).put("n_recommended", a.nRecommended())
        .put("rows", rows);
  }

  // ---------------------------------------------------------------- drill-down

  static JsonObject drilldown(Dataset ds, String userId, List<Named<CandidateLists>> lists,
      int k, boolean intIds) {
    DatasetViews views = DatasetViews.of(ds);
    Integer u = views.userIndex().get(userId);
    if (u == null) {
      throw ApiException.notFound("user " + userId + " is not in the dataset");
    }
    Drilldowns.Drilldown d = Drilldowns.of(ds, u, lists, k);
    List<SideColumn> itemCols = views.itemColumns();
    JsonObject out = new JsonObject().put("user", ExternalIds.json(userId, intIds))
        .put("side", row(views.userColumns(), u)).put("k", d.k())
        .put("train", items(ds, itemCols, d.train(), intIds))
        .put("ground_truth", items(ds, itemCols, d.groundTruth(), intIds));
    JsonArray exps = new JsonArray();
    for (Drilldowns.TopK e : d.experiments()) {
      JsonArray its = new JsonArray();
      for (Drilldowns.Listed l : e.items()) {
        its.add(new JsonObject().put("item", ExternalIds.json(ds.itemIds()[l.item()], intIds))
            .put("rank", l.rank()).put("score", (double) l.score()).put("hit", l.hit())
            .put("side", row(itemCols, l.item())));
      }
      exps.add(new JsonObject().put("name", e.experiment()).put("hits", e.hits())
          .put("items", its));
    }
    return out.put("experiments", exps);
  }

  private static JsonArray items(Dataset ds, List<SideColumn> cols, int[] items,
      boolean intIds) {
    JsonArray out = new JsonArray();
    for (int i : items) {
      out.add(new JsonObject().put("item", ExternalIds.json(ds.itemIds()[i], intIds))
          .put("side", row(cols, i)));
    }
    return out;
  }

  // ---------------------------------------------------------------- helpers

  /** Side-column distributions, selection vs all, in the shape of docs/analysis-api.md. */
  private static JsonArray side(List<SideCounts> side) {
    JsonArray out = new JsonArray();
    for (SideCounts s : side) {
      JsonObject o = new JsonObject().put("column", s.column().name())
          .put("kind", s.column().kind());
      if (s.edges() != null) {
        o.put("edges", array(s.edges()));
      } else {
        o.put("values", array(s.values()));
      }
      out.add(o.put("selected", array(s.selected())).put("all", array(s.all())));
    }
    return out;
  }

  /** The row's value as JSON: a string, a number (integers stay integers), a list, or null. */
  private static Object value(SideColumn c, int row) {
    Object v = c.value(row);
    return v instanceof List<?> l ? new JsonArray(new ArrayList<>(l)) : v;
  }

  /** Every side column's value of one row, by column name. */
  private static JsonObject row(List<SideColumn> columns, int row) {
    JsonObject o = new JsonObject();
    for (SideColumn c : columns) {
      o.put(c.name(), value(c, row));
    }
    return o;
  }

  private static JsonArray array(double[] v) {
    return array(DoubleStream.of(v).boxed());
  }

  private static JsonArray array(int[] v) {
    return array(IntStream.of(v).boxed());
  }

  private static JsonArray array(String[] v) {
    return array(Stream.of(v));
  }

  private static JsonArray array(Stream<?> values) {
    JsonArray a = new JsonArray();
    values.forEach(a::add);
    return a;
  }

  private static Double finite(double v) {
    return Double.isFinite(v) ? v : null;
  }
}
