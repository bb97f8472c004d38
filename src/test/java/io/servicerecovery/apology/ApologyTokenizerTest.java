package io.servicerecovery.apology;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

class ApologyTokenizerTest {

    @Test
    void thaiWithoutSpacesIsSegmented() {
        Tokenizer thai = Tokenizer.forLanguage("th");
        assertThat(thai.spaceless()).isTrue();
        assertThat(thai.words("ขอโทษที่พัสดุมาถึงช้า")).containsExactly("ขอโทษ", "ที่", "พัสดุ", "มา", "ถึง", "ช้า");
        assertThat(thai.analyze("ขอโทษ ค่ะ  คุณ").compact()).isEqualTo("ขอโทษค่ะคุณ");
    }

    @Test
    void wordsAreLowerCasedInTheLanguageAndPunctuationIsDropped() {
        assertThat(Tokenizer.forLanguage("lv").words("ATVAINOJAMIES, Jāni! MŪSU KĻŪDA.")).containsExactly(
                "atvainojamies", "jāni", "mūsu", "kļūda");
        assertThat(Tokenizer.forLanguage("ru").words("ИЗВИНИТЕ, Анна!")).containsExactly("извините", "анна");
        assertThat(Tokenizer.forLanguage("da").words("Kære Søren — ØV, undskyld.")).containsExactly(
                "kære", "søren", "øv", "undskyld");
        assertThat(Tokenizer.forLanguage("en").words("You didn’t read it; Ana's parcel")).containsExactly(
                "you", "didn't", "read", "it", "ana's", "parcel");
    }

    @Test
    void normalizationIsNfcWithCollapsedWhitespace() {
        Tokenizer swedish = Tokenizer.forLanguage("sv");
        // "förlåt" with a combining diaeresis and a combining ring, plus a no-break space and a tab
        assertThat(swedish.normalize("  Fo\u0308rla\u030At\u00A0\tOSS ")).isEqualTo("förlåt oss");
        assertThat(swedish.normalize(null)).isEmpty();
    }

    @Test
    void russianYoIsWrittenAsYe() {
        assertThat(Tokenizer.forLanguage("ru").words("Мы несём ответственность, ЕЁ")).containsExactly(
                "мы", "несем", "ответственность", "ее");
    }
}
