package org.web4rec.metrics;

import io.vertx.core.json.JsonArray;
import io.vertx.core.json.JsonObject;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.TreeSet;
import org.web4rec.platform.http.ApiException;
import org.web4rec.platform.http.Views;
import org.web4rec.platform.sql.ExperimentRepository.ExperimentRecord;

/**
 * The compare table's server side: filter by name, sort by a column (metrics, name, created_at,
 * status; missing values last), page, and return only the requested metric columns. Pure: the
 * caller loads the rows and the sort column's values.
 */
final class ExperimentTable {

  static final int MAX_LIMIT = 1000;
  static final String EXAMPLE = "?offset=0&limit=100&sort=ndcg@10:desc&columns=ndcg@10,recall@10";

  /** Parsed query parameters. */
  record Query(int offset, int limit, String sortColumn, boolean descending, List<String> columns,
      String nameFilter) {

    static Query parse(Map<String, String> params) {
      int offset = integer(params.get("offset"), 0, "offset");
      int limit = integer(params.get("limit"), 100, "limit");
      if (offset < 0 || limit < 1 || limit > MAX_LIMIT) {
        throw ApiException.badRequest("offset must be >= 0 and limit in 1.." + MAX_LIMIT, EXAMPLE);
      }
      String sort = params.getOrDefault("sort", "created_at:asc");
      int colon = sort.lastIndexOf(':');
      String column = colon < 0 ? sort : sort.substring(0, colon);
      String dir = colon < 0 ? "asc" : sort.substring(colon + 1).toLowerCase(Locale.ROOT);
      if (column.isEmpty() || !(dir.equals("asc") || dir.equals("desc"))) {
        throw ApiException.badRequest("sort must be <column>:asc or <column>:desc", EXAMPLE);
      }
      List<String> columns = new ArrayList<>();
      String cols = params.get("columns");
      if (cols != null && !cols.isBlank()) {
        for (String c : cols.split(",")) {
          if (!c.isBlank()) {
            columns.add(c.trim());
          }
        }
      }
      String q = params.get("q");
      return new Query(offset, limit, column, dir.equals("desc"), columns,
          q == null || q.isBlank() ? null : q.toLowerCase(Locale.ROOT));
    }

    boolean sortsByMetric() {
      return !List.of("name", "created_at", "status").contains(sortColumn);
    }

    private static int integer(String v, int fallback, String name) {
      if (v == null || v.isBlank()) {
        return fallback;
      }
      try {
        return Integer.parseInt(v.trim());
      } catch (NumberFormatException e) {
        throw ApiException.badRequest(name + " must be an integer, got '" + v + "'", EXAMPLE);
      }
    }
  }

  private ExperimentTable() {}

  /** Filters, sorts and pages; {@code sortValues} maps experiment id → value of a metric sort. */
  static List<ExperimentRecord> page(List<ExperimentRecord> all, Query q,
      Map<String, Double> sortValues, int[] totalOut) {
    List<ExperimentRecord> rows = new ArrayList<>();
    for (ExperimentRecord e : all) {
      if (q.nameFilter() == null || e.name().toLowerCase(Locale.ROOT).contains(q.nameFilter())) {
        rows.add(e);
      }
    }
    Comparator<ExperimentRecord> byName = Comparator.comparing(ExperimentRecord::name);
    Comparator<ExperimentRecord> order;
    if (q.sortsByMetric()) {
      // Missing or NaN values sort last whatever the direction.
      Comparator<ExperimentRecord> byValue = (a, b) -> {
        double va = value(sortValues, a.id());
        double vb = value(sortValues, b.id());
        boolean na = Double.isNaN(va);
        boolean nb = Double.isNaN(vb);
        if (na || nb) {
          return na && nb ? 0 : (na ? 1 : -1);
        }
        return q.descending() ? Double.compare(vb, va) : Double.compare(va, vb);
      };
      order = byValue.thenComparing(byName);
    } else {
      Comparator<ExperimentRecord> base = switch (q.sortColumn()) {
        case "name" -> byName;
        case "status" -> Comparator.comparing(ExperimentRecord::status);
        default -> Comparator.comparingLong(ExperimentRecord::createdAt);
      };
      order = (q.descending() ? base.reversed() : base).thenComparing(byName);
    }
    rows.sort(order);
    totalOut[0] = rows.size();
    int from = Math.min(q.offset(), rows.size());
    int to = Math.min(rows.size(), from + q.limit());
    return rows.subList(from, to);
  }

  private static double value(Map<String, Double> values, String id) {
    Double v = values.get(id);
    return v == null ? Double.NaN : v;
  }

  static JsonObject render(List<ExperimentRecord> page, Query q, int total,
      Map<String, Map<String, Double>> metrics, List<String> metricNames,
      List<ExperimentRecord> all) {
    JsonArray rows = new JsonArray();
    for (ExperimentRecord e : page) {
      JsonObject m = new JsonObject();
      Map<String, Double> values = metrics.getOrDefault(e.id(), Map.of());
      for (String c : q.columns()) {
        Double v = values.get(c);
        m.put(c, v == null || v.isNaN() ? null : v);
      }
      rows.add(Views.lineage(new JsonObject()
          .put("name", e.name())
          .put("status", e.status())
          .put("error", e.error())
          .put("created_at", Views.iso(e.createdAt()))
          .put("hyper_parameters", e.hyperParameters())
          .put("metrics", m), e.settings().rerank()));
    }
    TreeSet<String> hyper = new TreeSet<>();
    for (ExperimentRecord e : all) {
      hyper.addAll(e.hyperParameters().fieldNames());
    }
    return new JsonObject()
        .put("total", total)
        .put("offset", q.offset())
        .put("limit", q.limit())
        .put("metric_names", new JsonArray(metricNames))
        .put("hyper_parameter_names", new JsonArray(new ArrayList<>(hyper)))
        .put("rows", rows);
  }
}
