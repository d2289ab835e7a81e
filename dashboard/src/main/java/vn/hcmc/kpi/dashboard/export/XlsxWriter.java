package vn.hcmc.kpi.dashboard.export;

import java.io.IOException;
import java.io.OutputStream;
import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.util.EnumMap;
import java.util.List;
import java.util.Map;

import org.apache.poi.ss.usermodel.Cell;
import org.apache.poi.ss.usermodel.CellStyle;
import org.apache.poi.ss.usermodel.Font;
import org.apache.poi.ss.usermodel.Row;
import org.apache.poi.ss.usermodel.Sheet;
import org.apache.poi.ss.util.WorkbookUtil;
import org.apache.poi.xssf.usermodel.XSSFWorkbook;

import vn.hcmc.kpi.dashboard.export.ExportTable.Kind;

/**
 * Writes tables as an .xlsx workbook, one sheet per table, with a bold frozen header row. Cells hold
 * numbers and dates (not formatted text), so that a leader can sort and sum them in Excel; the cell
 * formats show dates as dd/MM/yyyy and rates as percentages. Text is always written as text, so data
 * from the logs can never become a formula.
 */
public final class XlsxWriter {

  private XlsxWriter() {
  }

  public static void write(List<ExportTable> tables, OutputStream out) throws IOException {
    try (XSSFWorkbook workbook = new XSSFWorkbook()) {
      Map<Kind, CellStyle> styles = styles(workbook);
      CellStyle header = workbook.createCellStyle();
      Font bold = workbook.createFont();
      bold.setBold(true);
      header.setFont(bold);
      header.setWrapText(true);
      for (ExportTable table : tables) {
        Sheet sheet = workbook.createSheet(WorkbookUtil.createSafeSheetName(table.title()));
        Row headerRow = sheet.createRow(0);
        for (int c = 0; c < table.columns().size(); c++) {
          Cell cell = headerRow.createCell(c);
          cell.setCellValue(table.columns().get(c).header());
          cell.setCellStyle(header);
        }
        int r = 1;
        for (List<Object> values : table.rows()) {
          Row row = sheet.createRow(r++);
          for (int c = 0; c < values.size(); c++) {
            write(row.createCell(c), values.get(c), styles.get(table.columns().get(c).kind()));
          }
        }
        sheet.createFreezePane(0, 1);
        for (int c = 0; c < table.columns().size(); c++) {
          sheet.setColumnWidth(c, Math.min(60, Math.max(12, table.columns().get(c).header().length() + 2)) * 256);
        }
      }
      workbook.write(out);
    }
  }

  private static void write(Cell cell, Object value, CellStyle style) {
    if (value == null) {
      return; // an empty cell, not 0: a missing rate is not a zero rate
    }
    if (value instanceof Number number) {
      cell.setCellValue(number.doubleValue());
    } else if (value instanceof Boolean flag) {
      cell.setCellValue(flag);
    } else if (value instanceof LocalDate date) {
      cell.setCellValue(date);
    } else if (value instanceof OffsetDateTime instant) {
      cell.setCellValue(instant.toLocalDateTime()); // already local time (UTC+7)
    } else {
      cell.setCellValue(value.toString());
    }
    cell.setCellStyle(style);
  }

  private static Map<Kind, CellStyle> styles(XSSFWorkbook workbook) {
    Map<Kind, CellStyle> styles = new EnumMap<>(Kind.class);
    String[][] formats = {{"TEXT", "@"}, {"COUNT", "#,##0"}, {"DECIMAL", "#,##0.00"}, {"PERCENT", "0.0%"},
        {"DATE", "dd/mm/yyyy"}, {"DATE_TIME", "dd/mm/yyyy hh:mm"}, {"BOOLEAN", "General"}};
    for (String[] format : formats) {
      CellStyle style = workbook.createCellStyle();
      style.setDataFormat(workbook.createDataFormat().getFormat(format[1]));
      styles.put(Kind.valueOf(format[0]), style);
    }
    return styles;
  }
}
