package org.web4rec.core.explore;

import java.util.ArrayList;
import java.util.List;
import org.web4rec.core.data.Dataset;
import org.web4rec.core.lists.CandidateLists;

/** One user's train and ground-truth items next to each experiment's top-k for them. */
public final class Drilldowns {

  /** A listed item with its 1-based rank, score and whether it is in the ground truth. */
  public record Listed(int item, int rank, float score, boolean hit) {}

  /** One experiment's top-k for the user and how many of them are hits. */
  public record TopK(String experiment, int hits, List<Listed> items) {}

  /** @param train the user's train items; groundTruth likewise (dense items, stored order) */
  public record Drilldown(int user, int k, int[] train, int[] groundTruth,
      List<TopK> experiments) {}

  private Drilldowns() {}

  /** @param user a dense user */
  public static Drilldown of(Dataset ds, int user, List<Named<CandidateLists>> lists, int k) {
    List<TopK> exps = new ArrayList<>();
    for (Named<CandidateLists> e : lists) {
      CandidateLists l = e.value();
      List<Listed> items = new ArrayList<>();
      int hits = 0;
      for (int x = l.start(user); x < Counting.topKEnd(l, user, k); x++) {
        int i = l.items()[x];
        boolean hit = ds.groundTruth().contains(user, i);
        hits += hit ? 1 : 0;
        items.add(new Listed(i, x - l.start(user) + 1, l.scores()[x], hit));
      }
      exps.add(new TopK(e.name(), hits, items));
    }
    return new Drilldown(user, k, ds.train().row(user), ds.groundTruth().row(user), exps);
  }
}
