package io.servicerecovery.reports;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.math.BigDecimal;
import java.math.RoundingMode;
import java.nio.charset.StandardCharsets;
import java.util.Currency;
import java.util.List;
import java.util.stream.Collectors;
import java.util.zip.ZipEntry;
import java.util.zip.ZipOutputStream;

/**
 * The report as the console downloads it: a ZIP with one CSV per table, so a spreadsheet opens each table
 * on its own (one CSV with sections, as the API's {@link ReportCsv}, does not sort or sum). Figures are
 * rounded as a person reads them (money to its currency's digits, shares to four decimals) and never in
 * exponent notation; the headers are the caller's, in the page's language. The API's CSV stays as it is.
 */
public final class ReportDownloads {

    /** One CSV: its file name in the ZIP, its header row and rows. */
    public record Table(String file, List<String> header, List<List<String>> rows) {
    }

    private ReportDownloads() {
    }

    public static byte[] zip(List<Table> tables) {
        ByteArrayOutputStream bytes = new ByteArrayOutputStream();
        try (ZipOutputStream zip = new ZipOutputStream(bytes, StandardCharsets.UTF_8)) {
            for (Table table : tables) {
                zip.putNextEntry(new ZipEntry(table.file()));
                // A byte order mark, so a spreadsheet reads the headers' å and ö as UTF-8.
                zip.write(("\uFEFF" + csv(table)).getBytes(StandardCharsets.UTF_8));
                zip.closeEntry();
            }
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return bytes.toByteArray();
    }

    static String csv(Table table) {
        StringBuilder out = new StringBuilder(line(table.header()));
        table.rows().forEach(r -> out.append(line(r)));
        return out.toString();
    }

    private static String line(List<String> cells) {
        return cells.stream().map(ReportDownloads::cell).collect(Collectors.joining(",")) + "\r\n";
    }

    private static String cell(String value) {
        if (value == null) {
            return "";
        }
        return value.contains(",") || value.contains("\"") || value.contains("\n") || value.contains("\r")
                ? "\"" + value.replace("\"", "\"\"") + "\"" : value;
    }

    /** An amount with its currency's fraction digits (two when the currency is unknown), "" for none. */
    public static String money(BigDecimal amount, String currency) {
        if (amount == null) {
            return "";
        }
        int digits = 2;
        try {
            if (currency != null && Currency.getInstance(currency).getDefaultFractionDigits() >= 0) {
                digits = Currency.getInstance(currency).getDefaultFractionDigits();
            }
        } catch (IllegalArgumentException unknown) {
            // two, as most currencies
        }
        return amount.setScale(digits, RoundingMode.HALF_UP).toPlainString();
    }

    /** A fraction to four decimals ("0.0003", never "3.0E-4"), "" when there was nothing to divide by. */
    public static String share(Double fraction) {
        return fraction == null ? "" : BigDecimal.valueOf(fraction).setScale(4, RoundingMode.HALF_UP).toPlainString();
    }

    /** Seconds to one decimal. */
    public static String seconds(Double seconds) {
        return seconds == null ? "" : BigDecimal.valueOf(seconds).setScale(1, RoundingMode.HALF_UP).toPlainString();
    }

    /** A plain decimal (a discount's percent), two decimals. */
    public static String plain(BigDecimal value) {
        return value == null ? "" : value.setScale(2, RoundingMode.HALF_UP).toPlainString();
    }
}
