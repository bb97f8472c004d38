package io.servicerecovery.apology;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import java.util.Locale;

import org.junit.jupiter.api.Test;

/**
 * Adding a language is one profile file and, for the console, one finding bundle: German exists only in the test
 * resources ({@code apology/languages/de.json}, {@code apology/findings/findings_de.properties}), and the checks
 * read German apologies with no code of their own.
 */
class LanguageProfileTest {

    private final ApologyChecks checks = new ApologyChecks(new PhraseBook());

    private List<Finding> check(String message) {
        return checks.check(new ApologyDraft("de-DE", "Jonas Becker", "LATE_DELIVERY",
                "Das Paket kam neun Tage zu spät.", message), List.of());
    }

    @Test
    void aGermanProfileInTheResourcesIsAllItTakes() {
        PhraseBook.Phrases german = new PhraseBook().forLocale("de-DE");
        assertThat(german.language()).isEqualTo("de");
        assertThat(german.tokenizer().words("Es TUT mir leid, Jonas")).containsExactly("es", "tut", "mir", "leid",
                "jonas");
    }

    @Test
    void aSincereGermanApologyPasses() {
        assertThat(check("Jonas, es tut mir wirklich leid, dass Ihr Paket neun Tage zu spät kam. Das war unser"
                + " Fehler, und ich kümmere mich persönlich darum.")).isEmpty();
    }

    @Test
    void aGermanApologyThatBlamesTheCustomerIsRefusedAndWordedInGerman() {
        List<Finding> findings = check("Jonas, es tut uns leid wegen der Verspätung des Pakets, aber Sie hätten"
                + " die Lieferadresse prüfen müssen.");

        assertThat(findings).extracting(Finding::code).contains(FindingCode.BLAMES_CUSTOMER);
        Finding blame = findings.stream().filter(f -> f.code() == FindingCode.BLAMES_CUSTOMER).findFirst().orElseThrow();
        assertThat(FindingTexts.in(Locale.GERMAN).message(blame))
                .isEqualTo("Streichen Sie 'sie hätten': das gibt dem Kunden die Schuld.");
        assertThat(blame.suggestion()).endsWith("Das war unser Fehler, und ich übernehme die Verantwortung dafür.");
    }

    @Test
    void aGermanApologyWithoutTheNameOrOwnershipIsRefused() {
        assertThat(check("Es tut mir leid, dass das Paket zu spät geliefert wurde und Sie warten mussten."))
                .extracting(Finding::code).contains(FindingCode.CUSTOMER_NOT_NAMED, FindingCode.NO_OWNERSHIP)
                .doesNotContain(FindingCode.NO_APOLOGY, FindingCode.FAILURE_NOT_REFERENCED);
    }
}
