package org.web4rec.core.ids;

import java.util.Arrays;
import java.util.HashMap;
import java.util.Map;
import org.web4rec.core.InvalidInput;
import org.web4rec.core.table.Column;

/**
 * External id → dense index, in order of first appearance; ids are equal when their {@link
 * ExternalId} canonical forms are. Integer ids live in an open-addressing long table, so mapping
 * the 20M rows of a MovieLens-20M train table creates no String per row; other ids use a HashMap.
 */
public final class IdDictionary {

  private static final long NOT_LONG = ExternalId.NOT_INTEGER;

  private long[] keys = new long[1 << 10];
  private int[] slots = new int[1 << 10]; // dense index + 1; 0 = empty
  private int longCount;
  private final Map<String, Integer> strings = new HashMap<>();
  private long[] longOf = new long[1 << 10];
  private String[] stringOf = new String[1 << 10];
  private int size;

  /** A dictionary holding {@code ids} at indices 0..n-1 (they are distinct canonical ids). */
  public static IdDictionary of(String[] ids) {
    IdDictionary d = new IdDictionary();
    for (String id : ids) {
      d.add(id);
    }
    return d;
  }

  public int size() {
    return size;
  }

  /**
   * The dense index of row {@code r}'s id, added when new.
   *
   * @param part the uploaded part the column belongs to, named in errors
   * @throws InvalidInput when the cell is null or the column is multi-valued
   */
  public int add(Column c, int r, String part) {
    long v = longValue(c, r, part);
    return v != NOT_LONG ? addLong(v) : add(text(c, r));
  }

  /**
   * The dense index of row {@code r}'s id, or -1 when unknown.
   *
   * @throws InvalidInput as {@link #add(Column, int, String)}
   */
  public int get(Column c, int r, String part) {
    long v = longValue(c, r, part);
    if (v != NOT_LONG) {
      return getLong(v);
    }
    String id = text(c, r);
    long asLong = ExternalId.integer(id);
    if (asLong != NOT_LONG) {
      return getLong(asLong);
    }
    Integer k = strings.get(id);
    return k == null ? -1 : k;
  }

  /** The dense index of an id given as a (trimmed) string, added when new. */
  public int add(String id) {
    long v = ExternalId.integer(id);
    if (v != NOT_LONG) {
      return addLong(v);
    }
    Integer k = strings.get(id);
    if (k != null) {
      return k;
    }
    int index = next();
    stringOf[index] = id;
    strings.put(id, index);
    return index;
  }

  /** External ids in dense order, as canonical strings. */
  public String[] ids() {
    String[] out = new String[size];
    for (int i = 0; i < size; i++) {
      out[i] = stringOf[i] != null ? stringOf[i] : Long.toString(longOf[i]);
    }
    return out;
  }

  /** The canonical string of row {@code r}'s id (for messages). */
  public static String display(Column c, int r, String part) {
    long v = longValue(c, r, part);
    return v != NOT_LONG ? Long.toString(v) : text(c, r);
  }

  private static long longValue(Column c, int r, String part) {
    if (c.isNull(r)) {
      throw new InvalidInput("part '" + part + "' row " + (r + 1) + " has no "
          + c.name(), c.name() + " must be set on every row");
    }
    if (c instanceof Column.Longs l) {
      return l.values()[r];
    }
    if (c instanceof Column.Ints i) {
      return i.values()[r];
    }
    if (c instanceof Column.Doubles d) {
      return ExternalId.integer(d.values()[r]);
    }
    if (c instanceof Column.StringLists) {
      throw new InvalidInput("column '" + c.name() + "' of part '" + part
          + "' is a list; ids must be integers or strings", "user_id: 42 or \"u42\"");
    }
    return NOT_LONG;
  }

  private static String text(Column c, int r) {
    return ExternalId.canonical(c.asString(r));
  }

  private int next() {
    if (size == longOf.length) {
      longOf = Arrays.copyOf(longOf, size * 2);
      stringOf = Arrays.copyOf(stringOf, size * 2);
    }
    return size++;
  }

  private int addLong(long v) {
    int slot = find(v);
    if (slots[slot] != 0) {
      return slots[slot] - 1;
    }
    int index = next();
    longOf[index] = v;
    keys[slot] = v;
    slots[slot] = index + 1;
    if (++longCount * 2 > keys.length) {
      grow();
    }
    return index;
  }

  private int getLong(long v) {
    int slot = find(v);
    return slots[slot] - 1;
  }

  private int find(long v) {
    int mask = keys.length - 1;
    int h = (int) (mix(v) & mask);
    while (slots[h] != 0 && keys[h] != v) {
      h = (h + 1) & mask;
    }
    return h;
  }

  private static long mix(long v) {
    v ^= v >>> 33;
    v *= 0xff51afd7ed558ccdL;
    v ^= v >>> 33;
    return v;
  }

  private void grow() {
    long[] oldKeys = keys;
    int[] oldSlots = slots;
    keys = new long[oldKeys.length * 2];
    slots = new int[oldKeys.length * 2];
    for (int s = 0; s < oldKeys.length; s++) {
      if (oldSlots[s] != 0) {
        int h = find(oldKeys[s]);
        keys[h] = oldKeys[s];
        slots[h] = oldSlots[s];
      }
    }
  }
}
