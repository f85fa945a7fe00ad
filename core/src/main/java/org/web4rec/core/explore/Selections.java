package org.web4rec.core.explore;

import java.util.ArrayList;
import java.util.List;
import org.web4rec.core.data.Csr;
import org.web4rec.core.data.Dataset;
import org.web4rec.core.lists.CandidateLists;
import org.web4rec.core.table.Column;
import org.web4rec.core.table.Table;

/**
 * The panels of a lasso selection of users or items. Every "top-k" here is the first k of the
 * experiment's prepared list (train items removed, score order), never the whole candidate list.
 */
public final class Selections {

  /** Items listed in the user-selection panel. */
  public static final int TOP_ITEMS = 20;

  /** A per-user metric's mean over the selected users and over all users of its table. */
  public record MetricMeans(String experiment, String metric, double selected, double all) {}

  /** An item in the selected users' top-k: how many of them it reaches and their share. */
  public record TopItem(int item, int count, double share) {}

  /**
   * A multi-valued item column (genres) counted over the selected users' train items and top-k
   * items, labels by combined count descending.
   */
  public record LabelMix(String column, String[] values, int[] train, int[] recommended) {
    public double[] trainShares() {
      return shares(train);
    }

    public double[] recommendedShares() {
      return shares(recommended);
    }

    private static double[] shares(int[] counts) {
      long total = 0;
      for (int c : counts) {
        total += c;
      }
      double[] out = new double[counts.length];
      for (int i = 0; i < counts.length; i++) {
        out[i] = total == 0 ? 0.0 : (double) counts[i] / total;
      }
      return out;
    }
  }

  /** The user-selection panels. */
  public record Users(int nSelected, int nTotal, int k, List<SideCounts> side,
      List<MetricMeans> metrics, List<TopItem> topItems, List<LabelMix> genres) {}

  /** Train popularity of the selected items next to all items, on shared log bins. */
  public record Popularity(double selectedMean, double selectedMedian, double allMean,
      double allMedian, double[] edges, int[] selectedCounts, int[] allCounts) {}

  /** The item-selection panels; slots are top-k positions over every user. */
  public record Items(int nSelected, int nTotal, int k, List<SideCounts> side,
      Popularity popularity, long selectedSlots, long slots) {
    public double selectedShare() {
      return slots == 0 ? 0.0 : (double) selectedSlots / slots;
    }
  }

  private Selections() {}

  /**
   * @param selected dense users, distinct
   * @param perUser every ready experiment's per-user metric table; metrics at K = k are compared
   */
  public static Users users(Dataset ds, CandidateLists lists, int k, int[] selected,
      List<Named<Table>> perUser) {
    DatasetViews views = DatasetViews.of(ds);
    List<MetricMeans> metrics = new ArrayList<>();
    String suffix = "@" + k;
    for (Named<Table> e : perUser) {
      Table t = e.value();
      int[] rows = Counting.tableRows(ds, t, selected);
      for (Column c : t.columns().subList(1, t.columns().size())) {
        if (!(c.name().endsWith(suffix) || c.name().contains(suffix + ":"))
            || !(c instanceof Column.Doubles d)) {
          continue;
        }
        metrics.add(new MetricMeans(e.name(), c.name(), Aggregates.mean(d.values(), rows),
            Aggregates.mean(d.values(), null)));
      }
    }
    int[] count = new int[ds.nItems()];
    for (int u : selected) {
      for (int x = lists.start(u); x < Counting.topKEnd(lists, u, k); x++) {
        count[lists.items()[x]]++;
      }
    }
    List<TopItem> top = new ArrayList<>();
    for (int i : Aggregates.top(count, TOP_ITEMS)) {
      top.add(new TopItem(i, count[i], (double) count[i] / selected.length));
    }
    List<LabelMix> genres = new ArrayList<>();
    for (SideColumn c : views.itemColumns()) {
      if (c.kind().equals(SideColumn.MULTI)) {
        genres.add(mix(ds, lists, k, selected, c));
      }
    }
    return new Users(selected.length, ds.nUsers(), k, SideCounts.of(views.userColumns(), selected),
        metrics, top, genres);
  }

  private static LabelMix mix(Dataset ds, CandidateLists lists, int k, int[] selected,
      SideColumn c) {
    int[] train = new int[c.nLabels()];
    int[] recommended = new int[c.nLabels()];
    Csr tr = ds.train();
    for (int u : selected) {
      for (int x = tr.start(u); x < tr.end(u); x++) {
        Counting.add(train, c.multi()[tr.values()[x]]);
      }
      for (int x = lists.start(u); x < Counting.topKEnd(lists, u, k); x++) {
        Counting.add(recommended, c.multi()[lists.items()[x]]);
      }
    }
    int[] order = Counting.order(Counting.sum(train, recommended));
    return new LabelMix(c.name(), Counting.permute(c.labels(), order),
        Counting.permute(train, order), Counting.permute(recommended, order));
  }

  /** @param selected dense items, distinct */
  public static Items items(Dataset ds, CandidateLists lists, int k, int[] selected) {
    double[] pop = Counting.popularity(ds);
    double max = 0;
    for (double p : pop) {
      max = Math.max(max, p);
    }
    double[] edges = Aggregates.logEdges(max);
    Popularity popularity = new Popularity(Aggregates.mean(pop, selected),
        Aggregates.median(pop, selected), Aggregates.mean(pop, null),
        Aggregates.median(pop, null), edges, Aggregates.histogram(pop, edges, selected),
        Aggregates.histogram(pop, edges, null));
    boolean[] chosen = Counting.mask(ds.nItems(), selected);
    long slots = 0;
    long hits = 0;
    for (int u = 0; u < lists.users(); u++) {
      for (int x = lists.start(u); x < Counting.topKEnd(lists, u, k); x++) {
        slots++;
        if (chosen[lists.items()[x]]) {
          hits++;
        }
      }
    }
    return new Items(selected.length, ds.nItems(), k,
        SideCounts.of(DatasetViews.of(ds).itemColumns(), selected), popularity, hits, slots);
  }
}
