package io.servicerecovery.apology;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

import io.servicerecovery.apology.PhraseBook.Phrases;

class ApologyPhraseBookTest {

    private static final List<String> CATEGORIES = List.of("LATE_DELIVERY", "DOUBLE_CHARGE", "DAMAGED_ITEM",
            "WRONG_ITEM", "RUDE_STAFF", "OUTAGE", "BILLING_ERROR");

    private final PhraseBook book = new PhraseBook();

    @ParameterizedTest
    @ValueSource(strings = { "en", "sv", "da", "lv", "ru", "th" })
    void everyLanguageHasEveryListAndCategory(String language) {
        Phrases phrases = book.forLocale(language);
        assertThat(phrases.language()).isEqualTo(language);
        assertThat(phrases.apology()).isNotEmpty();
        assertThat(phrases.ownership()).isNotEmpty();
        assertThat(phrases.blame()).isNotEmpty();
        assertThat(phrases.blameExceptions()).isNotEmpty();
        assertThat(phrases.stopWords()).isNotEmpty();
        assertThat(phrases.categories().keySet()).containsExactlyInAnyOrderElementsOf(CATEGORIES);
        CATEGORIES.forEach(c -> assertThat(phrases.category(c)).as(c).isNotEmpty());
        // every quoted example is a whole phrase
        assertThat(Phrases.examples(phrases.apology(), 2)).hasSize(2);
        assertThat(Phrases.examples(phrases.ownership(), 2)).hasSize(2);
    }

    @Test
    void theDataKeepsItsLettersExact() {
        assertThat(sources(book.forLocale("sv").apology())).contains("förlåt", "ber om ursäkt", "beklagar");
        assertThat(sources(book.forLocale("sv").blame())).contains("du borde ha", "enligt våra villkor", "ditt fel");
        assertThat(sources(book.forLocale("da").blame())).contains("du burde have", "ifølge vores vilkår", "din skyld");
        assertThat(sources(book.forLocale("lv").apology())).contains("atvainojos", "atvainojamies", "piedod*");
        assertThat(sources(book.forLocale("lv").blame())).contains("jums vajadzēja", "saskaņā ar mūsu noteikumiem",
                "jūsu vain*");
        assertThat(sources(book.forLocale("ru").apology())).contains("извините", "простите", "приносим извинения",
                "прошу прощения");
        assertThat(sources(book.forLocale("ru").blame())).contains("вам следовало", "согласно нашим условиям",
                "ваша вина", "вы должны были");
        assertThat(sources(book.forLocale("th").apology())).contains("ขอโทษ", "ขออภัย");
        assertThat(sources(book.forLocale("th").blame())).contains("คุณควรจะ", "ตามเงื่อนไขของเรา", "ความผิดของคุณ");
    }

    @Test
    void localesMapToTheirLanguageAndUnknownOnesToEnglish() {
        assertThat(book.forLocale("sv-SE").language()).isEqualTo("sv");
        assertThat(book.forLocale("th-TH").language()).isEqualTo("th");
        assertThat(book.forLocale("ru_RU").language()).isEqualTo("ru");
        assertThat(book.forLocale("nb-NO").language()).isEqualTo("en");
        assertThat(book.forLocale("not a tag").language()).isEqualTo("en");
        assertThat(book.forLocale(null).language()).isEqualTo("en");
    }

    @Test
    void eachLanguageIsLoadedOnce() {
        assertThat(book.forLocale("lv-LV")).isSameAs(book.forLocale("lv"));
        assertThat(book.forLocale("nb")).isSameAs(book.forLocale("en"));
    }

    @Test
    void stemsMatchInflectedWords() {
        Phrases russian = book.forLocale("ru");
        Phrase stem = russian.apology().stream().filter(p -> p.source().equals("извин*")).findFirst().orElseThrow();
        for (String word : List.of("Извините", "извиняемся", "приносим извинения")) {
            assertThat(stem.findIn(russian.tokenizer().analyze(word))).as(word).isNotEmpty();
        }
        assertThat(stem.findIn(russian.tokenizer().analyze("известно"))).isEmpty();
    }

    @Test
    void phrasesThatWouldMatchTooMuchAreRejectedWhenLoading() {
        Tokenizer english = Tokenizer.forLanguage("en");
        org.assertj.core.api.Assertions.assertThatThrownBy(() -> Phrase.compile(english, "ap*", "test"))
                .isInstanceOf(IllegalStateException.class).hasMessageContaining("stem shorter than 3 letters");
        org.assertj.core.api.Assertions.assertThatThrownBy(() -> Phrase.compile(english, " ", "test"))
                .isInstanceOf(IllegalStateException.class).hasMessageContaining("empty phrase");
        org.assertj.core.api.Assertions.assertThatThrownBy(
                () -> Phrase.compile(Tokenizer.forLanguage("th"), "ขอโทษ*", "test"))
                .isInstanceOf(IllegalStateException.class).hasMessageContaining("no stems");
    }

    private static List<String> sources(List<Phrase> phrases) {
        return phrases.stream().map(Phrase::source).toList();
    }
}
