package org.web4rec.core.explore;

import java.util.List;
import org.web4rec.core.InvalidInput;
import org.web4rec.core.data.Dataset;
import org.web4rec.core.table.Table;

/**
 * What a map's points can be coloured by: the entity's side columns, the experiment's per-user
 * metrics (users) or the train popularity (items), and the values of one of them per point.
 */
public final class Attributes {

  /** Item attribute besides the side columns. */
  public static final String POPULARITY = "popularity";

  /** The attributes of an entity: side columns and metric names. */
  public record Listing(Entity entity, List<SideColumn> side, List<String> metrics) {}

  /**
   * One attribute's value for every point in dense order: a side column's stored values, or a
   * metric (NaN where a user has none).
   */
  public record Values(Entity entity, String name, SideColumn side, double[] numbers) {
    public String kind() {
      return side != null ? side.kind() : SideColumn.NUMERIC;
    }
  }

  private Attributes() {}

  public static Listing list(Dataset ds, Entity entity, Table perUser) {
    List<String> metrics;
    if (entity == Entity.USER) {
      metrics = perUser == null ? List.of()
          : List.copyOf(perUser.names().subList(1, perUser.names().size()));
    } else {
      metrics = List.of(POPULARITY);
    }
    return new Listing(entity, DatasetViews.of(ds).columns(entity), metrics);
  }

  /** @throws InvalidInput when the name is neither a side column nor a metric of the entity */
  public static Values values(Dataset ds, Entity entity, String name, Table perUser) {
    boolean users = entity == Entity.USER;
    SideColumn side = SideColumn.find(DatasetViews.of(ds).columns(entity), name);
    if (side != null) {
      return new Values(entity, name, side, null);
    }
    double[] v = users ? Counting.metric(ds, perUser, name) : name.equals(POPULARITY)
        ? Counting.popularity(ds) : null;
    if (v == null) {
      throw new InvalidInput("'" + name + "' is neither a " + entity
          + " side column nor a " + (users ? "per-user metric" : "item attribute")
          + "; GET .../attributes?entity=" + entity + " lists them",
          users ? "?entity=user&name=recall@10" : "?entity=item&name=popularity");
    }
    return new Values(entity, name, null, v);
  }
}
