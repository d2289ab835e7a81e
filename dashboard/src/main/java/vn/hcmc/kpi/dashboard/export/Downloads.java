package vn.hcmc.kpi.dashboard.export;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.util.List;

import org.springframework.http.ContentDisposition;
import org.springframework.http.HttpHeaders;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;

import vn.hcmc.kpi.dashboard.system.NotFoundException;

/** HTTP responses for exports: an .xlsx of all tables, or a .csv of the one asked for. */
public final class Downloads {

  public static final MediaType XLSX =
      MediaType.parseMediaType("application/vnd.openxmlformats-officedocument.spreadsheetml.sheet");
  public static final MediaType CSV = MediaType.parseMediaType("text/csv;charset=UTF-8");

  private Downloads() {
  }

  public static ResponseEntity<byte[]> xlsx(List<ExportTable> tables, String fileName) {
    ByteArrayOutputStream out = new ByteArrayOutputStream();
    try {
      XlsxWriter.write(tables, out);
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
    return attachment(out.toByteArray(), XLSX, fileName + ".xlsx");
  }

  public static ResponseEntity<byte[]> csv(List<ExportTable> tables, String key, String fileName) {
    ExportTable table = tables.stream().filter(t -> t.key().equals(key)).findFirst()
        .orElseThrow(() -> new NotFoundException("export.unknownTable", key,
            String.join(", ", tables.stream().map(ExportTable::key).toList())));
    ByteArrayOutputStream out = new ByteArrayOutputStream();
    try {
      CsvWriter.write(table, out);
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
    return attachment(out.toByteArray(), CSV, fileName + "-" + key + ".csv");
  }

  private static ResponseEntity<byte[]> attachment(byte[] body, MediaType type, String fileName) {
    return ResponseEntity.ok().contentType(type)
        .header(HttpHeaders.CONTENT_DISPOSITION, ContentDisposition.attachment().filename(fileName).build().toString())
        .body(body);
  }
}
