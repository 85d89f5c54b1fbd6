// Dense 0..n−1 indices for string ids, as MLlib's ALS wants int ids (zipWithIndex: no single-partition sort).
package emporium.spark;

import org.apache.spark.sql.Dataset;
import org.apache.spark.sql.Row;
import org.apache.spark.sql.RowFactory;
import org.apache.spark.sql.SparkSession;
import org.apache.spark.sql.types.DataTypes;
import org.apache.spark.sql.types.StructField;
import org.apache.spark.sql.types.StructType;

final class Indexed {
  private Indexed() {}

  /** `rows` (whose column `id` is unique) with an int column `index` added. */
  static Dataset<Row> ids(SparkSession spark, Dataset<Row> rows, String id, String index) {
    StructType schema = rows.schema().add(new StructField(index, DataTypes.IntegerType, false, org.apache.spark.sql.types.Metadata.empty()));
    var indexed =
        rows.javaRDD()
            .zipWithIndex()
            .map(
                t -> {
                  Object[] values = new Object[t._1().size() + 1];
                  for (int c = 0; c < t._1().size(); c++) values[c] = t._1().get(c);
                  values[values.length - 1] = (int) (long) t._2();
                  return RowFactory.create(values);
                });
    return spark.createDataFrame(indexed, schema);
  }
}
