package io.servicerecovery.console.manager;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.ByteArrayInputStream;
import java.nio.charset.StandardCharsets;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.zip.ZipEntry;
import java.util.zip.ZipInputStream;

import jakarta.inject.Inject;

import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import io.agroal.api.AgroalDataSource;
import io.quarkus.test.junit.QuarkusTest;
import io.servicerecovery.reports.ReportFixture;
import io.servicerecovery.support.ConsoleSignIn;

/**
 * The dashboard over the seeded week of {@link ReportFixture} (its figures worked out in ReportResourceTest),
 * as a Swedish and an English manager read it: numbers, money and plurals in the page's language, words
 * instead of codes, and the download as a ZIP of rounded CSV tables.
 */
@QuarkusTest
class DashboardWordsTest {

    static final String WEEK = "from=2020-03-02&to=2020-03-08";
    static final Pattern UPPER_SNAKE = Pattern.compile("\\b[A-Z][A-Z0-9]*(?:_[A-Z0-9]+)+\\b");
    static boolean seeded;

    @Inject
    AgroalDataSource dataSource;

    @BeforeEach
    void seedOnce() throws Exception {
        synchronized (DashboardWordsTest.class) {
            if (!seeded) {
                ReportFixture.seed(dataSource);
                seeded = true;
            }
        }
    }

    static String page(String language) {
        return ConsoleSignIn.as("manager-max").request().header("Accept-Language", language)
                .get("/console/dashboard?" + WEEK).then().statusCode(200).extract().asString();
    }

    @Test
    void aSwedishManagerReadsSwedishNumbersAndPlurals() {
        String page = page("sv");
        String text = visibleText(page);
        // AGENT's EUR budget for the week: 7 × (500 + 200); grouped and with a decimal comma as Swedish writes it.
        assertThat(text).contains("4\u00a0900,00\u00a0EUR").contains("35\u00a0000,00\u00a0EUR")
                .doesNotContain("4900.00").doesNotContain("35000.00");
        // CLDR plurals: two cases and customers, one compensated.
        assertThat(between(page, "<p id=\"repeat\">", "</p>"))
                .isEqualTo("2 ärenden från 2 kunder med tidigare fel; 50,0\u00a0% återvunna; 1 kompenserat.");
        // The spend chart beside its bars: credits against the budget in words.
        assertThat(page).contains("<strong>Handläggare · EUR</strong>: 40,00\u00a0EUR av 4\u00a0900,00\u00a0EUR (0,8\u00a0%)");
        // The checks' codes as Swedish words.
        assertThat(text).contains("Tar inte ansvar 2, Låter som en mall 1").contains("Kunden nämns inte vid namn 1");
        assertThat(text).contains("Första åtgärd").contains("Från början till slut").contains("Teamledare");
        assertNoCodes(page);
        assertThat(page).contains("href=\"/console/dashboard/report.zip?" + WEEK.replace("&", "&amp;") + "\"")
                .contains("Ladda ner tabellerna (ZIP med CSV-filer)");
    }

    @Test
    void anEnglishManagerReadsEnglishNumbersAndPlurals() {
        String page = page("en");
        assertThat(visibleText(page)).contains("4,900.00\u00a0EUR").contains("Team lead").contains("First touch");
        assertThat(between(page, "<p id=\"repeat\">", "</p>"))
                .isEqualTo("2 cases of 2 customers who failed before; 50.0% recovered; 1 compensated.");
        assertNoCodes(page);
    }

    @Test
    void theChartsDrawSharesOfTheBudgetAndWholeStepsForCounts() {
        String page = page("en").replace("&quot;", "\"");
        Map<String, String> charts = charts(page);
        // 40 of 4,900 EUR is 0.8 % of the Agent's budget: a bar that shows, whatever the budget's size.
        assertThat(charts.get("spend-title")).contains("\"data\":[0.8,1.0,0.3]").contains("\"max\":100")
                .contains("\"labels\":[\"Agent · EUR\",\"Senior agent · USD\",\"Team lead · EUR\"]");
        assertThat(charts.get("approvals-title")).contains("\"integer\":true");
        assertThat(charts.get("within-title")).contains("\"integer\":true");
        assertThat(charts.get("time-title")).contains("\"First touch\"").contains("\"End to end\"");
    }

    @Test
    void theDownloadIsAZipWithOneRoundedCsvPerTableHeadedInThePagesLanguage() throws Exception {
        byte[] zip = ConsoleSignIn.as("manager-max").request().header("Accept-Language", "sv")
                .get("/console/dashboard/report.zip?" + WEEK).then().statusCode(200)
                .contentType("application/zip")
                .header("Content-Disposition", "attachment; filename=\"recovery-2020-03-02-2020-03-08.zip\"")
                .extract().asByteArray();
        Map<String, String> files = unzip(zip);
        assertThat(files.keySet()).containsExactly("cases.csv", "recovered-over-time.csv", "time-per-step.csv",
                "within-empowerment.csv", "spend-by-level.csv", "spend-by-agent.csv", "spend-by-type.csv",
                "approvals.csv", "repeat-failures.csv", "sla-breaches.csv", "apology-checks.csv");
        String byLevel = files.get("spend-by-level.csv");
        assertThat(byLevel.lines().findFirst().orElseThrow())
                .isEqualTo("\uFEFFNivå,Valuta,Krediter,Belopp,Rabatter,Rabattvärde,Budget för perioden,Använt");
        // Money with its currency's two digits, shares with four, no exponent.
        assertThat(byLevel).contains("Handläggare,EUR,1,40.00,1,20.00,4900.00,0.0082");
        assertThat(files.get("spend-by-agent.csv")).contains(",3500.00,0.0114").contains(",35000.00,0.0029");
        assertThat(files.get("cases.csv")).contains("7,4,2,1,0.5714,2,1");
        for (Map.Entry<String, String> file : files.entrySet()) {
            assertThat(file.getValue()).as(file.getKey()).doesNotContainPattern("\\d[eE]-?\\d")
                    .doesNotContainPattern("\\.\\d{5,}");
            assertThat(UPPER_SNAKE.matcher(file.getValue()).find()).as(file.getKey()).isFalse();
        }
    }

    /** What a person reads: the text between the tags, and the chart labels the canvases draw. */
    private static void assertNoCodes(String page) {
        Matcher text = UPPER_SNAKE.matcher(visibleText(page));
        assertThat(text.find()).as("a code on the page: %s", text.find(0) ? text.group() : "").isFalse();
        for (String chart : charts(page.replace("&quot;", "\"")).values()) {
            Matcher m = UPPER_SNAKE.matcher(chart);
            assertThat(m.find()).as("a code in a chart: %s", chart).isFalse();
        }
    }

    private static String visibleText(String page) {
        return page.replaceAll("(?s)<script.*?</script>", " ").replaceAll("(?s)<style.*?</style>", " ")
                .replaceAll("(?s)<[^>]*>", " ").replace("&amp;", "&");
    }

    /** Each chart's data by the id of the heading that labels it. */
    private static Map<String, String> charts(String page) {
        Map<String, String> charts = new LinkedHashMap<>();
        Matcher m = Pattern.compile("data-chart=\"(\\{.*?\\})\" role=\"img\" aria-labelledby=\"([a-z-]+)\"").matcher(page);
        while (m.find()) {
            charts.put(m.group(2), m.group(1));
        }
        return charts;
    }

    private static String between(String page, String start, String end) {
        int from = page.indexOf(start) + start.length();
        return page.substring(from, page.indexOf(end, from));
    }

    private static Map<String, String> unzip(byte[] zip) throws Exception {
        Map<String, String> files = new LinkedHashMap<>();
        try (ZipInputStream in = new ZipInputStream(new ByteArrayInputStream(zip), StandardCharsets.UTF_8)) {
            for (ZipEntry e = in.getNextEntry(); e != null; e = in.getNextEntry()) {
                files.put(e.getName(), new String(in.readAllBytes(), StandardCharsets.UTF_8));
            }
        }
        return files;
    }
}
