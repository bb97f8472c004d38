package io.servicerecovery.apology;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Locale;
import java.util.stream.Stream;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * Every finding code has a text of its own in every finding bundle (a language that lacked one would show English
 * in the middle of its page), and the texts render every variant of their arguments.
 */
class FindingTextsTest {

    private static final Path BUNDLES = Path.of("src/main/resources/apology/findings");

    static List<String> languages() throws IOException {
        try (Stream<Path> files = Files.list(BUNDLES)) {
            return files.map(f -> f.getFileName().toString())
                    .filter(n -> n.startsWith("findings_") && n.endsWith(".properties"))
                    .map(n -> n.substring("findings_".length(), n.length() - ".properties".length())).sorted().toList();
        }
    }

    @Test
    void theBundlesAreFound() throws IOException {
        assertThat(languages()).contains("en", "sv");
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("languages")
    void everyFindingCodeHasATextInEveryBundle(String language) {
        FindingTexts texts = FindingTexts.in(Locale.forLanguageTag(language));
        assertThat(texts.language()).isEqualTo(language);
        for (FindingCode code : FindingCode.values()) {
            assertThat(texts.has(code)).as(language + " " + code).isTrue();
        }
        for (Finding finding : everyVariant()) {
            String text = texts.message(finding);
            assertThat(text).as(language + " " + finding).isNotBlank().doesNotContain("{").doesNotContain("NOT_FOUND");
            if (!language.equals(FindingTexts.ENGLISH)) {
                assertThat(text).as(language + " " + finding + " is not English")
                        .isNotEqualTo(FindingTexts.english().message(finding));
            }
        }
    }

    @Test
    void everyVariantCoversEveryCode() {
        assertThat(everyVariant().stream().map(Finding::code).distinct()).containsExactlyInAnyOrder(FindingCode.values());
    }

    @Test
    void aLanguageWithoutABundleReadsEnglish() {
        FindingTexts norwegian = FindingTexts.in(Locale.forLanguageTag("nb"));
        assertThat(norwegian.language()).isEqualTo(FindingTexts.ENGLISH);
        assertThat(norwegian.message(Finding.blocking(new Finding.Canned(93))))
                .isEqualTo("This apology is 93% the same as one sent in another case, so it reads as a canned script."
                        + " Write it for this customer and this failure, in your own words.");
    }

    @Test
    void theEnglishTextsReadAsTheApiAlwaysWroteThem() {
        FindingTexts en = FindingTexts.english();
        assertThat(en.message(Finding.blocking(new Finding.TooShort(8, 3)))).isEqualTo("Write at least 8 words (this"
                + " draft has 3): name the customer, say what went wrong, apologize, own the mistake and say what you"
                + " are doing about it.");
        assertThat(en.message(Finding.blocking(new Finding.CustomerNotNamed("Ana", "Ana"))))
                .isEqualTo("Name the customer: use 'Ana'.");
        assertThat(en.message(Finding.blocking(new Finding.CustomerNotNamed("Ana", "Ana Ozola"))))
                .isEqualTo("Name the customer: use 'Ana' or 'Ana Ozola'.");
        assertThat(en.message(Finding.blocking(new Finding.FailureNotReferenced(List.of()))))
                .isEqualTo("Refer to what actually went wrong: the customer must see that you know their case.");
        assertThat(en.message(Finding.blocking(new Finding.FailureNotReferenced(List.of("sofa", "late", "delivery")))))
                .isEqualTo("Refer to what actually went wrong, e.g. 'sofa', 'late', 'delivery': the customer must see"
                        + " that you know their case.");
        assertThat(en.message(Finding.blocking(new Finding.NoApology(List.of()))))
                .isEqualTo("Apologize in so many words, in the customer's language.");
        assertThat(en.message(Finding.blocking(new Finding.NoApology(List.of("sorry", "I apologize")))))
                .isEqualTo("Apologize in so many words, in the customer's language, e.g. 'sorry' or 'I apologize'.");
        assertThat(en.message(Finding.blocking(new Finding.NoOwnership(Finding.Lapse.UNSAID, null, List.of("our mistake")))))
                .isEqualTo("Take ownership: no sentence says whose mistake it was. Say that the mistake was ours, e.g."
                        + " 'our mistake', instead of only describing what happened.");
        assertThat(en.message(Finding.blocking(new Finding.NoOwnership(Finding.Lapse.UNATTRIBUTED, "late", List.of()))))
                .isEqualTo("Take ownership: this sentence names what went wrong ('late') but not that it was ours. Say"
                        + " that the mistake was ours, instead of only describing what happened.");
        assertThat(en.message(Finding.blocking(new Finding.BlamesCustomer(List.of("you should have", "your fault"),
                List.of("our mistake", "we got it wrong")))))
                .isEqualTo("Remove 'you should have', 'your fault': they put the blame on the customer. Say what we got"
                        + " wrong instead, e.g. 'our mistake' or 'we got it wrong'.");
    }

    private static List<Finding> everyVariant() {
        Stream<Finding.Arguments> arguments = Stream.of(new Finding.TooShort(8, 3),
                new Finding.CustomerNotNamed("Ana", "Ana"), new Finding.CustomerNotNamed("Ana", "Ana Ozola"),
                new Finding.FailureNotReferenced(List.of()), new Finding.FailureNotReferenced(List.of("sofa", "late")),
                new Finding.NoApology(List.of()), new Finding.NoApology(List.of("sorry", "I apologize")),
                new Finding.BlamesCustomer(List.of("you should have"), List.of()),
                new Finding.BlamesCustomer(List.of("you should have", "your fault"), List.of("our mistake")),
                new Finding.Canned(85));
        Stream<Finding.Arguments> ownership = Stream.of(Finding.Lapse.values())
                .map(l -> new Finding.NoOwnership(l, l == Finding.Lapse.UNSAID ? null : "cue", List.of("our mistake")));
        return Stream.concat(arguments, ownership).map(Finding::blocking).toList();
    }
}
