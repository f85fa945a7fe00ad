package org.web4rec.core.explore;

import org.web4rec.core.data.Dataset;
import java.util.ArrayList;
import java.util.List;
import java.util.SplittableRandom;
import org.web4rec.core.data.Csr;
import org.web4rec.core.lists.CandidateLists;
import org.web4rec.core.table.Column;
import org.web4rec.core.table.Table;

/** A seeded random dataset with every side-column kind, and candidate lists over it. */
public final class Fixtures {

  public static final String[] GENDERS = {"F", "M"};
  static final String[] GENRES = {"Action", "Comedy", "Drama", "Horror"};

  public final Dataset ds;
  public final CandidateLists lists;
  /** Raw side values, for direct counting in tests. */
  public final String[] gender;
  public final long[] age;
  public final String[][] genres;

  public Fixtures(int nUsers, int nItems, int perUser, int listLength, long seed) {
    SplittableRandom rng = new SplittableRandom(seed);
    String[] users = new String[nUsers];
    gender = new String[nUsers];
    age = new long[nUsers];
    boolean[] ageNull = new boolean[nUsers];
    for (int u = 0; u < nUsers; u++) {
      users[u] = Integer.toString(u + 1);
      gender[u] = u % 7 == 6 ? null : GENDERS[rng.nextInt(2)];
      age[u] = 18 + rng.nextInt(50);
    }
    String[] items = new String[nItems];
    genres = new String[nItems][];
    long[] year = new long[nItems];
    for (int i = 0; i < nItems; i++) {
      items[i] = Integer.toString(100 + i);
      List<String> g = new ArrayList<>();
      for (String x : GENRES) {
        if (rng.nextInt(3) == 0) {
          g.add(x);
        }
      }
      genres[i] = g.isEmpty() ? null : g.toArray(new String[0]);
      year[i] = 1950 + rng.nextInt(70);
    }
    int[] tu = new int[nUsers * perUser];
    int[] ti = new int[tu.length];
    int[] gu = new int[nUsers];
    int[] gi = new int[nUsers];
    for (int u = 0; u < nUsers; u++) {
      for (int k = 0; k < perUser; k++) {
        tu[u * perUser + k] = u;
        // popular items are likelier: square of a uniform
        double x = rng.nextDouble();
        ti[u * perUser + k] = (int) (x * x * nItems);
      }
      gu[u] = u;
      gi[u] = rng.nextInt(nItems);
    }
    Csr train = Csr.fromPairs(nUsers, tu, ti);
    Csr gt = Csr.fromPairs(nUsers, gu, gi);
    Table userTable = Table.of(new Column.Strings("user_id", users),
        new Column.Strings("gender", gender), new Column.Longs("age", age, ageNull));
    Table itemTable = Table.of(new Column.Strings("item_id", items),
        new Column.StringLists("genres", genres), new Column.Longs("year", year, null));
    ds = new Dataset(users, items, train, gt, userTable, itemTable);
    int[] offsets = new int[nUsers + 1];
    int[] li = new int[nUsers * listLength];
    float[] ls = new float[li.length];
    int n = 0;
    for (int u = 0; u < nUsers; u++) {
      // user 0 gets no list at all
      int len = u == 0 ? 0 : listLength;
      boolean[] used = new boolean[nItems];
      for (int k = 0; k < len; k++) {
        int i;
        do {
          i = rng.nextInt(nItems);
        } while (used[i] || train.contains(u, i));
        used[i] = true;
        li[n] = i;
        ls[n] = len - k;
        n++;
      }
      offsets[u + 1] = n;
    }
    lists = CandidateLists.ofSorted(offsets, java.util.Arrays.copyOf(li, n),
        java.util.Arrays.copyOf(ls, n));
  }
}
