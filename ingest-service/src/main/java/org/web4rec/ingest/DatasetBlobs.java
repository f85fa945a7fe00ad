package org.web4rec.ingest;

import io.vertx.core.json.JsonArray;
import io.vertx.core.json.JsonObject;
import java.util.List;
import org.web4rec.core.prepare.DatasetInfo;
import org.web4rec.core.prepare.PreparedDataset;
import org.web4rec.platform.table.ArrowCodec;

/** A prepared dataset as it is written: the four Arrow blobs and the metadata row's info JSON. */
record DatasetBlobs(byte[] users, byte[] items, byte[] train, byte[] groundTruth,
    JsonObject info) {

  /** Encodes on the calling thread: call it from a worker. */
  static DatasetBlobs of(PreparedDataset p) {
    return new DatasetBlobs(ArrowCodec.toBytes(p.users()), ArrowCodec.toBytes(p.items()),
        ArrowCodec.toBytes(p.train()), ArrowCodec.toBytes(p.groundTruth()), info(p.info()));
  }

  private static JsonObject info(DatasetInfo info) {
    return new JsonObject()
        .put("n_users", info.nUsers())
        .put("n_items", info.nItems())
        .put("n_train", info.nTrain())
        .put("n_ground_truth", info.nGroundTruth())
        .put("n_users_with_ground_truth", info.nUsersWithGroundTruth())
        .put("id_type", info.integerIds() ? "int" : "string")
        .put("has_rating", info.hasRating())
        .put("has_timestamp", info.hasTimestamp())
        .put("user_columns", kinds(info.userColumns()))
        .put("item_columns", kinds(info.itemColumns()));
  }

  private static JsonArray kinds(List<DatasetInfo.SideColumn> columns) {
    JsonArray out = new JsonArray();
    for (DatasetInfo.SideColumn c : columns) {
      out.add(new JsonObject().put("name", c.name()).put("kind", c.kind()));
    }
    return out;
  }
}
