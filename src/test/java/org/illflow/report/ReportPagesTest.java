package org.illflow.report;

import static org.assertj.core.api.Assertions.assertThat;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.user;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

import java.io.ByteArrayInputStream;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;

import org.apache.poi.ss.usermodel.Cell;
import org.apache.poi.ss.usermodel.CellType;
import org.apache.poi.ss.usermodel.Row;
import org.apache.poi.ss.usermodel.Sheet;
import org.apache.poi.xssf.usermodel.XSSFWorkbook;
import org.illflow.support.IllflowTest;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.test.web.servlet.MockMvc;
import org.springframework.test.web.servlet.request.RequestPostProcessor;

/** The dashboard, the free report and the exports: who may open them, and that downloads read back right. */
@IllflowTest
class ReportPagesTest {

    static final RequestPostProcessor STAFF = user("ddstaff").roles("STAFF", "DD_STAFF");
    static final RequestPostProcessor ADMIN = user("admin").roles("ADMIN", "STAFF");
    static final RequestPostProcessor PATRON = user("2024110001").roles("PATRON");
    static final String RANGE = "from=2011-01-01&to=2013-12-31";

    @Autowired
    MockMvc mvc;
    @Autowired
    JdbcTemplate jdbc;

    @BeforeEach
    void fixture() {
        ReportFixture.load(jdbc);
    }

    @Test
    void staffSeeEveryChartWithItsTableAndDownloads() throws Exception {
        String page = mvc.perform(get("/staff/reports?" + RANGE + "&lang=en").with(STAFF))
                .andExpect(status().isOk()).andReturn().getResponse().getContentAsString(StandardCharsets.UTF_8);
        assertThat(page).contains("chart-volumes", "chart-suppliers", "chart-patron-types", "chart-colleges",
                "chart-journals", "chart-turnaround", "/webjars/echarts/5.5.0/echarts.min.js",
                "Fill rate and cost by supplier", "1111-1111 Journal A", "format=xlsx");
        assertThat(mvc.perform(get("/webjars/echarts/5.5.0/echarts.min.js")).andReturn().getResponse().getStatus())
                .isEqualTo(200);

        String free = mvc.perform(get("/staff/reports/free?dims=college&dims=&" + RANGE).with(ADMIN))
                .andExpect(status().isOk()).andReturn().getResponse().getContentAsString(StandardCharsets.UTF_8);
        assertThat(free).contains("物理学院", "数学学院", "化学学院", "合计");
    }

    @Test
    void badParametersAnswerWithAMessage() throws Exception {
        String page = mvc.perform(get("/staff/reports/free?dims=colour&" + RANGE + "&lang=en").with(STAFF))
                .andExpect(status().isBadRequest()).andReturn().getResponse().getContentAsString(StandardCharsets.UTF_8);
        assertThat(page).contains("Unknown dimension: colour");
        String reversed = mvc.perform(get("/staff/reports/export?dims=year&from=2013-01-01&to=2011-01-01").with(STAFF))
                .andExpect(status().isBadRequest()).andReturn().getResponse().getContentAsString(StandardCharsets.UTF_8);
        assertThat(reversed).contains("2013-01-01", "2011-01-01");
        mvc.perform(get("/staff/reports?from=1900-01-01&to=2013-01-01").with(STAFF)).andExpect(status().isBadRequest());
        mvc.perform(get("/staff/reports?from=yesterday").with(STAFF)).andExpect(status().isBadRequest());
        mvc.perform(get("/staff/reports/export?dims=year&format=pdf").with(STAFF)).andExpect(status().isBadRequest());
    }

    @Test
    void aPatronCannotOpenAnyReportOrExport() throws Exception {
        for (String path : List.of("/staff/reports", "/staff/reports/free?dims=year",
                "/staff/reports/export?dims=year&format=csv", "/staff/reports/export?dims=college&format=xlsx",
                "/staff/reports/export?report=turnaround", "/admin/reports/import")) {
            mvc.perform(get(path).with(PATRON)).andExpect(status().isForbidden());
        }
        mvc.perform(get("/staff/reports")).andExpect(status().is3xxRedirection());
    }

    @Test
    void csvParsesBackToTheSameFigures() throws Exception {
        byte[] csv = mvc.perform(get("/staff/reports/export?dims=year&format=csv&lang=en&" + RANGE).with(STAFF))
                .andExpect(status().isOk()).andReturn().getResponse().getContentAsByteArray();
        assertThat(Arrays.copyOf(csv, 3)).containsExactly(0xEF, 0xBB, 0xBF);
        List<String[]> lines = new String(csv, 3, csv.length - 3, StandardCharsets.UTF_8).lines()
                .map(l -> l.split(",", -1)).toList();
        assertThat(lines.get(0)).startsWith("Year", "Requests", "Filled", "Fill rate (%)", "Unfilled", "Cancelled");
        assertThat(lines).hasSize(5);
        // 2011: 6 requests, 4 filled, 80.0 %, cost 37.75, median 3.0, p90 4.7
        assertThat(lines.get(1)).containsExactly("2011", "6", "4", "80.0", "1", "1", "1", "0", "37.75", "0.00", "3.0",
                "4.7", "25.0", "0");
        assertThat(lines.get(2)).containsExactly("2012", "0", "0", "", "0", "0", "0", "0", "0.00", "0.00", "", "", "", "0");
        assertThat(lines.get(4)[0]).isEqualTo("Total");
        assertThat(lines.get(4)[1]).isEqualTo("10");
        assertThat(lines.get(4)[8]).isEqualTo("112.75");

        byte[] chinese = mvc.perform(get("/staff/reports/export?dims=college&format=csv&lang=zh&" + RANGE).with(STAFF))
                .andReturn().getResponse().getContentAsByteArray();
        String text = new String(chinese, StandardCharsets.UTF_8);
        assertThat(text).contains("院系,申请数,满足数", "物理学院,5,");
    }

    @Test
    void xlsxParsesBackToTheSameFigures() throws Exception {
        byte[] xlsx = mvc.perform(get("/staff/reports/export?dims=supplier&format=xlsx&lang=en&" + RANGE).with(STAFF))
                .andExpect(status().isOk()).andReturn().getResponse().getContentAsByteArray();
        try (XSSFWorkbook workbook = new XSSFWorkbook(new ByteArrayInputStream(xlsx))) {
            Sheet sheet = workbook.getSheetAt(0);
            assertThat(cells(sheet.getRow(0))).startsWith("Supplier / lender", "Requests", "Filled", "Fill rate (%)");
            List<List<String>> rows = new ArrayList<>();
            for (int i = 1; i <= sheet.getLastRowNum(); i++) {
                rows.add(cells(sheet.getRow(i)));
            }
            assertThat(rows).extracting(r -> r.get(0))
                    .containsExactly("CALIS", "CASHL", "NLC", "NSTL", "(not recorded)", "Total");
            List<String> nstl = rows.get(3);
            assertThat(nstl.subList(0, 4)).containsExactly("NSTL", "3.0", "2.0", "66.7");
            assertThat(nstl.get(8)).isEqualTo("40.0");
            assertThat(rows.get(5).get(8)).isEqualTo("112.75");
        }
        byte[] turnaround = mvc.perform(get("/staff/reports/export?report=turnaround&format=xlsx&" + RANGE).with(STAFF))
                .andExpect(status().isOk()).andReturn().getResponse().getContentAsByteArray();
        try (XSSFWorkbook workbook = new XSSFWorkbook(new ByteArrayInputStream(turnaround))) {
            Sheet sheet = workbook.getSheetAt(0);
            assertThat(sheet.getRow(0).getCell(0).getStringCellValue()).isEqualTo("满足时间");
            assertThat(sheet.getRow(3).getCell(1).getNumericCellValue()).isEqualTo(2.0);
        }
    }

    private static List<String> cells(Row row) {
        List<String> values = new ArrayList<>();
        for (int i = 0; i < row.getLastCellNum(); i++) {
            Cell cell = row.getCell(i);
            values.add(cell == null ? "" : cell.getCellType() == CellType.NUMERIC
                    ? String.valueOf(cell.getNumericCellValue()) : cell.getStringCellValue());
        }
        return values;
    }
}
