package org.web4rec.core.explore;

import java.util.ArrayList;
import java.util.List;
import org.web4rec.core.data.Csr;
import org.web4rec.core.data.Dataset;
import org.web4rec.core.lists.CandidateLists;

/**
 * Who meets the selected items: users with any of them in train vs users with any of them in the
 * experiment's top-k, each user side column's distribution over the two groups (distinct users).
 */
public final class Audiences {

  public static final String INTERACTED = "interacted";
  public static final String RECOMMENDED = "recommended";

  /** One value of one column in one group; numeric columns as bin labels "[lo, hi)". */
  public record Row(String group, String column, String value, int count) {}

  /** Both groups' sizes and distributions. */
  public record Audience(int k, int nSelected, int nInteracted, int nRecommended,
      List<Row> rows) {}

  private Audiences() {}

  /** @param selected dense items, distinct */
  public static Audience of(Dataset ds, CandidateLists lists, int k, int[] selected) {
    boolean[] chosen = Counting.mask(ds.nItems(), selected);
    int[] interacted = new int[ds.nUsers()];
    int[] recommended = new int[ds.nUsers()];
    int ni = 0;
    int nr = 0;
    Csr train = ds.train();
    for (int u = 0; u < ds.nUsers(); u++) {
      for (int x = train.start(u); x < train.end(u); x++) {
        if (chosen[train.values()[x]]) {
          interacted[ni++] = u;
          break;
        }
      }
      for (int x = lists.start(u); x < Counting.topKEnd(lists, u, k); x++) {
        if (chosen[lists.items()[x]]) {
          recommended[nr++] = u;
          break;
        }
      }
    }
    int[] groupI = java.util.Arrays.copyOf(interacted, ni);
    int[] groupR = java.util.Arrays.copyOf(recommended, nr);
    List<Row> rows = new ArrayList<>();
    for (SideColumn c : DatasetViews.of(ds).userColumns()) {
      String[] labels;
      int[] ci;
      int[] cr;
      int[] order;
      if (c.numeric()) {
        double[] edges = Aggregates.equalWidthEdges(c.numbers(), Counting.NUMERIC_BINS);
        labels = Counting.binLabels(edges);
        ci = Aggregates.histogram(c.numbers(), edges, groupI);
        cr = Aggregates.histogram(c.numbers(), edges, groupR);
        order = Counting.identity(labels.length);
      } else {
        labels = c.labels();
        ci = c.count(groupI);
        cr = c.count(groupR);
        order = Counting.order(Counting.sum(ci, cr));
      }
      for (int b : order) {
        rows.add(new Row(INTERACTED, c.name(), labels[b], ci[b]));
      }
      for (int b : order) {
        rows.add(new Row(RECOMMENDED, c.name(), labels[b], cr[b]));
      }
    }
    return new Audience(k, selected.length, groupI.length, groupR.length, rows);
  }
}
