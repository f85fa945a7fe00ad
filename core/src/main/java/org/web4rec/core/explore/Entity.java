package org.web4rec.core.explore;

import org.web4rec.core.data.Dataset;

/** What the points of a panel are: the dataset's users or its items. */
public enum Entity {
  USER("user"),
  ITEM("item");

  private final String key;

  Entity(String key) {
    this.key = key;
  }

  /** The name requests and answers use ("user", "item"). */
  public String key() {
    return key;
  }

  /** The entity of that name, or null. */
  public static Entity of(String key) {
    return USER.key.equals(key) ? USER : ITEM.key.equals(key) ? ITEM : null;
  }

  public int count(Dataset ds) {
    return this == USER ? ds.nUsers() : ds.nItems();
  }

  public String[] ids(Dataset ds) {
    return this == USER ? ds.userIds() : ds.itemIds();
  }

  @Override
  public String toString() {
    return key;
  }
}
