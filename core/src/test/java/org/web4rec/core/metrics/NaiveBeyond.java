package org.web4rec.core.metrics;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.web4rec.core.data.Csr;
import org.web4rec.core.lists.CandidateLists;

/**
 * A literal transcription of METRICS.md ("Beyond accuracy") with sets and per-pair set
 * intersections: slow, obviously right, and the reference the fast path is compared against.
 */
final class NaiveBeyond {

  final LinkedHashMap<String, List<Double>> perUser = new LinkedHashMap<>();
  final LinkedHashMap<String, Double> global = new LinkedHashMap<>();
  final List<Integer> users = new ArrayList<>();

  private final BeyondInput in;
  private final List<Set<Integer>> itemUsers = new ArrayList<>();
  private final int uTrain;
  private final Set<Integer> head = new HashSet<>();

  NaiveBeyond(BeyondInput in, int[] ks) {
    this.in = in;
    int nItems = in.nItems();
    for (int i = 0; i < nItems; i++) {
      itemUsers.add(new HashSet<>());
    }
    int u0 = 0;
    for (int u = 0; u < in.train().rows(); u++) {
      for (int i : in.train().row(u)) {
        itemUsers.get(i).add(u);
      }
      if (in.train().size(u) > 0) {
        u0++;
      }
    }
    uTrain = u0;
    // Head: pop desc, ties by tie order; fewest reaching 80% of interactions.
    List<Integer> order = new ArrayList<>();
    for (int i = 0; i < nItems; i++) {
      order.add(i);
    }
    int[] tie = in.itemTieOrder();
    order.sort(Comparator.<Integer>comparingInt(i -> -pop(i))
        .thenComparingInt(i -> tie == null ? i : tie[i]));
    long total = in.train().nnz();
    long cum = 0;
    for (int i : order) {
      if (5 * cum >= 4 * total) {
        break;
      }
      head.add(i);
      cum += pop(i);
    }
    CandidateLists lists = in.lists();
    for (int u = 0; u < lists.users(); u++) {
      if (lists.size(u) > 0) {
        users.add(u);
      }
    }
    List<String> sources = new ArrayList<>();
    sources.add("cooc");
    for (String c : in.multiValued().keySet()) {
      sources.add("genre." + c);
    }
    if (in.itemEmbeddings() != null) {
      sources.add("emb");
    }
    for (int k : ks) {
      for (String m : List.of("novelty", "novelty_norm", "avg_popularity", "tail_share")) {
        perUser.put(m + "@" + k, new ArrayList<>());
      }
      for (String s : sources) {
        for (String m : List.of("diversity", "unexpectedness", "serendipity")) {
          perUser.put(m + "@" + k + ":" + s, new ArrayList<>());
        }
      }
      for (String c : in.multiValued().keySet()) {
        perUser.put("miscalibration@" + k + ":" + c, new ArrayList<>());
      }
      int[] exposure = new int[nItems];
      for (int u : users) {
        List<Integer> l = list(u, k);
        for (int i : l) {
          exposure[i]++;
        }
        Set<Integer> h = history(u);
        double nov = 0;
        double ap = 0;
        double tail = 0;
        for (int i : l) {
          nov += -log2(Math.max(pop(i), 1) / (double) uTrain);
          ap += pop(i) / (double) uTrain;
          tail += head.contains(i) ? 0 : 1;
        }
        put("novelty@" + k, nov / l.size());
        put("novelty_norm@" + k, nov / l.size() / log2(uTrain));
        put("avg_popularity@" + k, ap / l.size());
        put("tail_share@" + k, tail / l.size());
        for (String s : sources) {
          double div = Double.NaN;
          if (l.size() >= 2) {
            double sum = 0;
            int pairs = 0;
            for (int a = 0; a < l.size(); a++) {
              for (int b = a + 1; b < l.size(); b++) {
                sum += 1 - sim(s, l.get(a), l.get(b));
                pairs++;
              }
            }
            div = sum / pairs;
          }
          double unexp = Double.NaN;
          double ser = Double.NaN;
          if (!h.isEmpty()) {
            unexp = 0;
            ser = 0;
            for (int i : l) {
              double m = 0;
              for (int j : h) {
                m += sim(s, i, j);
              }
              double un = 1 - m / h.size();
              unexp += un;
              ser += (inGt(u, i) ? 1 : 0) * un;
            }
            unexp /= l.size();
            ser /= l.size();
          }
          put("diversity@" + k + ":" + s, div);
          put("unexpectedness@" + k + ":" + s, unexp);
          put("serendipity@" + k + ":" + s, ser);
        }
        for (Map.Entry<String, int[][]> e : in.multiValued().entrySet()) {
          put("miscalibration@" + k + ":" + e.getKey(), miscalibration(e.getValue(), h, l));
        }
      }
      global.put("coverage@" + k, covered(exposure) / (double) nItems);
      global.put("gini@" + k, gini(exposure));
      global.put("entropy@" + k, entropy(exposure));
      // Exact mean over pairs by intersecting every pair of lists.
      double overlap = 0;
      long pairs = 0;
      for (int a = 0; a < users.size(); a++) {
        for (int b = a + 1; b < users.size(); b++) {
          Set<Integer> la = new HashSet<>(list(users.get(a), k));
          la.retainAll(list(users.get(b), k));
          overlap += la.size();
          pairs++;
        }
      }
      global.put("personalization@" + k, pairs == 0 ? Double.NaN : 1 - overlap / pairs / k);
    }
  }

  private void put(String column, double v) {
    perUser.get(column).add(v);
  }

  private int pop(int i) {
    return itemUsers.get(i).size();
  }

  private Set<Integer> history(int u) {
    Set<Integer> h = new HashSet<>();
    if (u < in.train().rows()) {
      for (int i : in.train().row(u)) {
        h.add(i);
      }
    }
    return h;
  }

  private boolean inGt(int u, int i) {
    Csr gt = in.groundTruth();
    return u < gt.rows() && gt.contains(u, i);
  }

  private List<Integer> list(int u, int k) {
    CandidateLists lists = in.lists();
    List<Integer> l = new ArrayList<>();
    for (int p = lists.start(u); p < lists.end(u) && l.size() < k; p++) {
      l.add(lists.items()[p]);
    }
    return l;
  }

  double sim(String source, int i, int j) {
    if (source.equals("cooc")) {
      Set<Integer> a = new HashSet<>(itemUsers.get(i));
      if (a.isEmpty() || itemUsers.get(j).isEmpty()) {
        return 0;
      }
      a.retainAll(itemUsers.get(j));
      return a.size() / Math.sqrt((double) pop(i) * pop(j));
    }
    if (source.startsWith("genre.")) {
      int[][] col = in.multiValued().get(source.substring("genre.".length()));
      Set<Integer> a = toSet(col[i]);
      Set<Integer> b = toSet(col[j]);
      Set<Integer> union = new HashSet<>(a);
      union.addAll(b);
      if (union.isEmpty()) {
        return 0;
      }
      a.retainAll(b);
      return a.size() / (double) union.size();
    }
    float[] a = in.itemEmbeddings()[i];
    float[] b = in.itemEmbeddings()[j];
    if (a == null || b == null) {
      return 0;
    }
    double dot = 0;
    double na = 0;
    double nb = 0;
    for (int k = 0; k < a.length; k++) {
      dot += (double) a[k] * b[k];
      na += (double) a[k] * a[k];
      nb += (double) b[k] * b[k];
    }
    return na == 0 || nb == 0 ? 0 : dot / Math.sqrt(na * nb);
  }

  private static Set<Integer> toSet(int[] v) {
    Set<Integer> s = new HashSet<>();
    if (v != null) {
      for (int x : v) {
        s.add(x);
      }
    }
    return s;
  }

  private static double miscalibration(int[][] col, Set<Integer> h, List<Integer> l) {
    Map<Integer, Double> p = distribution(col, h);
    if (p.isEmpty()) {
      return Double.NaN;
    }
    Map<Integer, Double> q = distribution(col, l);
    double kl = 0;
    for (Map.Entry<Integer, Double> e : p.entrySet()) {
      double pg = e.getValue();
      double qt = 0.99 * q.getOrDefault(e.getKey(), 0.0) + 0.01 * pg;
      kl += pg * log2(pg / qt);
    }
    return kl;
  }

  private static Map<Integer, Double> distribution(int[][] col, Iterable<Integer> items) {
    Map<Integer, Double> w = new LinkedHashMap<>();
    int n = 0;
    for (int i : items) {
      int[] g = col[i];
      if (g == null || g.length == 0) {
        continue;
      }
      n++;
      for (int x : g) {
        w.merge(x, 1.0 / g.length, Double::sum);
      }
    }
    final int items0 = n;
    w.replaceAll((g, v) -> v / items0);
    return w;
  }

  private static int covered(int[] c) {
    int n = 0;
    for (int v : c) {
      n += v > 0 ? 1 : 0;
    }
    return n;
  }

  private static double gini(int[] c) {
    int[] s = c.clone();
    java.util.Arrays.sort(s);
    double num = 0;
    double total = 0;
    int n = s.length;
    for (int j = 1; j <= n; j++) {
      num += (2.0 * j - n - 1) * s[j - 1];
      total += s[j - 1];
    }
    return total == 0 ? Double.NaN : num / (n * total);
  }

  private static double entropy(int[] c) {
    double total = 0;
    for (int v : c) {
      total += v;
    }
    if (total == 0) {
      return Double.NaN;
    }
    double h = 0;
    for (int v : c) {
      if (v > 0) {
        h -= v / total * log2(v / total);
      }
    }
    return h;
  }

  static double log2(double x) {
    return Math.log(x) / Math.log(2);
  }
}
