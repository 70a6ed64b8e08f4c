package be.edusprong.lms.assessment.analysis;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.io.IOException;
import java.io.StringReader;
import java.util.List;
import java.util.Locale;
import org.apache.commons.csv.CSVFormat;
import org.apache.commons.csv.CSVParser;
import org.apache.commons.csv.CSVRecord;
import org.junit.jupiter.api.Test;

class ItemAnalysisCsvTest {

  private static CSVParser parse(String csv) throws IOException {
    return CSVFormat.RFC4180
        .builder()
        .setHeader()
        .setSkipHeaderRecord(true)
        .get()
        .parse(new StringReader(csv));
  }

  @Test
  void itemsTableParsesBackWithFourDecimals() throws IOException {
    Locale previous = Locale.getDefault();
    Locale.setDefault(Locale.GERMANY); // decimal comma locale must not leak into the CSV
    StringBuilder out = new StringBuilder();
    try {
      ItemAnalysisCsv.write(ItemAnalysis.analyse(ItemAnalysisTest.workedExample()), out);
    } finally {
      Locale.setDefault(previous);
    }
    try (CSVParser parser = parse(out.toString())) {
      assertEquals(
          List.of(
              "item",
              "n",
              "max",
              "mean_score",
              "facility",
              "discrimination",
              "discrimination_note",
              "choice:A",
              "choice:B",
              "choice:C",
              "choice:D",
              "choice:true",
              "choice:false",
              "no_answer"),
          parser.getHeaderNames());
      List<CSVRecord> rows = parser.getRecords();
      assertEquals(5, rows.size());

      CSVRecord q1 = rows.get(0);
      assertEquals("Q1", q1.get("item"));
      assertEquals("5", q1.get("n"));
      assertEquals("1.0000", q1.get("max"));
      assertEquals("0.8000", q1.get("facility"));
      assertEquals("0.4677", q1.get("discrimination"));
      assertEquals("", q1.get("discrimination_note"));
      assertEquals("4", q1.get("choice:A"));
      assertEquals("0", q1.get("choice:D"));
      assertEquals("", q1.get("choice:true"));
      assertEquals("1", q1.get("no_answer"));

      CSVRecord q4 = rows.get(3);
      assertEquals("-0.1424", q4.get("discrimination"));
      assertEquals("2", q4.get("choice:true"));
      assertEquals("3", q4.get("choice:false"));
      assertEquals("", q4.get("choice:A"));

      CSVRecord q5 = rows.get(4);
      assertEquals("2.0000", q5.get("max"));
      assertEquals("0.8000", q5.get("mean_score"));
      assertEquals("0.4000", q5.get("facility"));
      assertEquals("0.8910", q5.get("discrimination"));
      assertEquals("", q5.get("no_answer"));
      assertEquals(0.89104, Double.parseDouble(q5.get("discrimination")), 1e-4);
    }
  }

  @Test
  void undefinedValuesAreEmptyWithTheirReason() throws IOException {
    SittingResults results =
        SittingResults.builder()
            .item("Q1", java.math.BigDecimal.ONE, "A", "B")
            .response("only", "Q1", 1, "A")
            .build();
    ItemAnalysisReport report = ItemAnalysis.analyse(results);
    StringBuilder items = new StringBuilder();
    ItemAnalysisCsv.write(report, items);
    try (CSVParser parser = parse(items.toString())) {
      CSVRecord q1 = parser.getRecords().get(0);
      assertEquals("", q1.get("discrimination"));
      assertEquals(
          report.item("Q1").orElseThrow().discrimination().reason().orElseThrow(),
          q1.get("discrimination_note"));
    }
    StringBuilder summary = new StringBuilder();
    ItemAnalysisCsv.writeSummary(report, summary);
    try (CSVParser parser = parse(summary.toString())) {
      CSVRecord row = parser.getRecords().get(0);
      assertEquals("", row.get("alpha"));
      assertEquals(report.alpha().reason().orElseThrow(), row.get("alpha_note"));
      assertEquals("", row.get("sd_total"));
    }
  }

  @Test
  void summaryOfTheWorkedExample() throws IOException {
    StringBuilder out = new StringBuilder();
    ItemAnalysisCsv.writeSummary(ItemAnalysis.analyse(ItemAnalysisTest.workedExample()), out);
    try (CSVParser parser = parse(out.toString())) {
      assertEquals(
          List.of(
              "n",
              "k",
              "max_total",
              "mean_total",
              "sd_total",
              "sd_total_note",
              "alpha",
              "alpha_note"),
          parser.getHeaderNames());
      CSVRecord row = parser.getRecords().get(0);
      assertEquals("5", row.get("n"));
      assertEquals("5", row.get("k"));
      assertEquals("6.0000", row.get("max_total"));
      assertEquals("3.2000", row.get("mean_total"));
      assertEquals("1.7205", row.get("sd_total"));
      assertEquals("0.6419", row.get("alpha"));
      assertEquals("", row.get("alpha_note"));
    }
  }

  @Test
  void roundingIsHalfUpToFourDecimals() {
    assertEquals("0.1235", ItemAnalysisCsv.number(0.12345));
    assertEquals("-0.1424", ItemAnalysisCsv.number(-0.14237));
    assertEquals("0.0000", ItemAnalysisCsv.number(-0.00001));
    assertEquals("1.0000", ItemAnalysisCsv.number(1));
    assertEquals("", ItemAnalysisCsv.number(Double.NaN));
  }
}
