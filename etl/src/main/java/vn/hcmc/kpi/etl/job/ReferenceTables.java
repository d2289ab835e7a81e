package vn.hcmc.kpi.etl.job;

import static org.apache.spark.sql.types.DataTypes.DateType;
import static org.apache.spark.sql.types.DataTypes.IntegerType;
import static org.apache.spark.sql.types.DataTypes.StringType;

import java.util.ArrayList;
import java.util.List;
import org.apache.spark.sql.Row;
import org.apache.spark.sql.RowFactory;
import org.apache.spark.sql.SaveMode;
import org.apache.spark.sql.SparkSession;
import org.apache.spark.sql.types.StructType;
import vn.hcmc.kpi.etl.reference.Officer;
import vn.hcmc.kpi.etl.reference.Procedure;
import vn.hcmc.kpi.etl.reference.ReferenceData;
import vn.hcmc.kpi.etl.reference.Unit;

/** Publishes the reference data a run used beside its KPIs, so readers need nothing else. */
final class ReferenceTables {
  private ReferenceTables() {}

  static final StructType UNITS = Rows.struct(Rows.f("unit_code", StringType), Rows.f("name", StringType),
      Rows.f("kind", StringType), Rows.f("former_province", StringType), Rows.f("merged_from", StringType));
  static final StructType PROCEDURES = Rows.struct(Rows.f("procedure_code", StringType),
      Rows.f("name_vi", StringType), Rows.f("name_en", StringType), Rows.f("field", StringType),
      Rows.f("time_value", IntegerType), Rows.f("time_unit", StringType), Rows.f("same_day_cutoff", StringType),
      Rows.f("clock_rule", StringType));
  static final StructType OFFICERS = Rows.struct(Rows.f("officer_id", StringType),
      Rows.f("display_name", StringType), Rows.f("unit_code", StringType), Rows.f("role", StringType));
  static final StructType HOLIDAYS = Rows.struct(Rows.f("date", DateType), Rows.f("kind", StringType),
      Rows.f("unit_code", StringType), Rows.f("name", StringType));

  /** The tables {@link #write} writes. */
  static final java.util.List<String> NAMES = java.util.List.of("units", "holidays", "procedures", "officers");

  static void write(SparkSession spark, ReferenceData ref, String dir) {
    List<Row> units = new ArrayList<>();
    for (Unit u : ref.units().values()) {
      units.add(RowFactory.create(u.code(), u.name(), u.kind(), u.formerProvince(), u.mergedFrom()));
    }
    List<Row> procedures = new ArrayList<>();
    for (Procedure p : ref.procedures().values()) {
      procedures.add(RowFactory.create(p.code(), p.nameVi(), p.nameEn(), p.field(), p.timeValue(),
          p.timeUnit().name(), p.timeUnit() == Procedure.TimeUnit.SAME_DAY ? p.sameDayCutoff().toString() : null,
          p.clockRule().name()));
    }
    List<Row> officers = new ArrayList<>();
    for (Officer o : ref.officers().values()) {
      officers.add(RowFactory.create(o.officerId(), o.displayName(), o.unitCode(), o.role()));
    }
    // the dashboard counts working days with it (at-risk dossiers: due by the next working day)
    List<Row> holidays = new ArrayList<>();
    for (ReferenceData.Holiday h : ref.holidays()) {
      holidays.add(RowFactory.create(h.date(), h.kind(), h.unitCode(), h.name()));
    }
    save(spark, units, UNITS, dir + "/units");
    save(spark, holidays, HOLIDAYS, dir + "/holidays");
    save(spark, procedures, PROCEDURES, dir + "/procedures");
    save(spark, officers, OFFICERS, dir + "/officers");
  }

  private static void save(SparkSession spark, List<Row> rows, StructType schema, String path) {
    spark.createDataFrame(rows, schema).coalesce(1).write().mode(SaveMode.ErrorIfExists)
        .option("compression", "zstd").parquet(path);
  }
}
