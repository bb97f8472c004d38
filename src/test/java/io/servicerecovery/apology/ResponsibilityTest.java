package io.servicerecovery.apology;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

import io.servicerecovery.apology.Responsibility.Kind;
import io.servicerecovery.apology.Responsibility.Reading;

/**
 * Ownership and blame judged by structure: the wording classes of the issue, their negated, conditional and
 * deflected near-misses, and the suggestions built from the agent's own sentence.
 */
class ResponsibilityTest {

    /** The findings in the API's words, which these assertions are about. */
    private static final FindingTexts ENGLISH = FindingTexts.english();

    private final PhraseBook book = new PhraseBook();
    private final ApologyChecks checks = new ApologyChecks(book);

    private Reading read(String language, String text) {
        return Responsibility.read(book.forLocale(language).meaning(), text);
    }

    @ParameterizedTest(name = "{0}: {1}")
    @CsvSource(delimiter = '|', value = {
            "en | I bear the responsibility for this.",
            "en | The responsibility is mine.",
            "en | The blame lies with our team.",
            "en | We were plainly wrong here.",
            "en | Our team failed you.",
            "en | The mistake was entirely and only ours.",
            "en | I hold myself accountable.",
            "en | We really dropped the ball here.",
            "en | There is no excuse for our mistake.",
            "en | I won't pretend it wasn't our fault.",
            "en | It was not the courier's fault, it was ours.",
            "en | We take full ownership of this.",
            "sv | Vi har gjort bort oss.",
            "sv | Det var inte du som gjorde fel, det var vi.",
            "sv | Felet ligger helt hos oss.",
            "da | Vi har dummet os.",
            "da | Skylden er vores og ingen andens.",
            "ru | Мы виноваты перед вами.",
            "ru | Ошибка полностью на нашей стороне.",
            "lv | Atbildība ir mūsu.",
            "lv | Mēs jūs pievīlām.",
            "ru | Наша сеть вас подвела.",
            "lv | Mūsu komanda jūs pievīla.",
            "th | เป็นความรับผิดชอบของเรา",
            "th | ไม่ใช่ความผิดของคุณ แต่เป็นของเรา",
            // classes found by the blind corpus part (B), each in a sentence of its own
            "en | The blame for your wasted day off rests with us.",
            "en | It was entirely my own doing.",
            "en | That one is on my conscience.",
            "sv | Jag står till svars för det här.",
            "da | Det skyldtes en fejl, vi lavede på lageret.",
            "ru | Я считаю это своей ошибкой.",
            "ru | Мы всё испортили.",
            "lv | Mēs visu sabojājām.",
            "lv | Mūsu sistēmā notika kļūme.",
            "th | ผมทำสินค้าของคุณพัง" })
    void ownershipInAnyWordOrderAndInflection(String language, String text) {
        assertThat(read(language, text).owned()).as(text).isTrue();
    }

    @ParameterizedTest(name = "{0}: {1}")
    @CsvSource(delimiter = '|', value = {
            "en | It was not our fault. | DISOWNED",
            "en | The courier's error, not ours. | DISOWNED",
            "en | We apologize if we made a mistake. | CONDITIONAL",
            "en | We regret any errors we may have made. | CONDITIONAL",
            "en | The mistakes we may have made will be looked into. | CONDITIONAL",
            "en | Was it our mistake? | CONDITIONAL",
            "en | Our courier made a mistake. | DEFLECTED",
            "lv | Mūsu kurjers jūs pievīla. | DEFLECTED",
            "en | Perhaps, we made an error with the address. | CONDITIONAL",
            "ru | Вероятно, мы допустили ошибку. | CONDITIONAL",
            "en | I'm sorry for the mistake. | UNATTRIBUTED",
            "en | What went wrong is being investigated. | UNATTRIBUTED",
            "sv | Vi ansvarar inte för skador under transporten. | DISOWNED",
            "da | Hvis vi har begået en fejl, beklager vi. | CONDITIONAL",
            "ru | Это ошибка курьерской службы, а не наша. | DISOWNED",
            "lv | Ja no mūsu puses bija kļūda, mēs atvainojamies. | CONDITIONAL",
            "th | ความผิดพลาดเกิดจากบริษัทขนส่ง | DEFLECTED",
            "en | Should it turn out we erred, we will refund you. | CONDITIONAL",
            "ru | Если окажется, что виноваты мы, мы вернём деньги. | CONDITIONAL",
            "da | Tak for din besked. Der kan være sket en fejl fra vores side. | CONDITIONAL",
            "en | The error was with our payment provider. | DEFLECTED",
            "lv | Mēs nevaram uzņemties atbildību par to. | DISOWNED",
            "th | เราไม่สามารถรับผิดชอบเรื่องนี้ได้ | DISOWNED" })
    void negationConditionAndDeflectionBreakOwnership(String language, String text, Kind kind) {
        Reading reading = read(language, text);
        assertThat(reading.owned()).as(text).isFalse();
        assertThat(reading.found()).as(text).extracting(Responsibility.Fact::kind).contains(kind);
    }

    @ParameterizedTest(name = "{0}: {1}")
    @CsvSource(delimiter = '|', value = {
            "en | The mistake was yours.",
            "en | You made a mistake when ordering.",
            "en | I'm sorry if you felt let down.",
            "sv | Misstaget var ditt.",
            "ru | Вы сами виноваты.",
            "lv | Kļūda bija jūsu.",
            "th | ความผิดพลาดเป็นของคุณ",
            "en | The mistake was on your side.",
            "th | ความผิดพลาดจึงเป็นของคุณ",
            "ru | Жаль, что у вас сложилось впечатление, будто мы не старались.",
            "lv | Man žēl, ka jums radās iespaids, ka mēs nerūpējamies." })
    void blameOfTheCustomerIsFound(String language, String text) {
        assertThat(checks.checkStatement(language, text)).as(text).extracting(Finding::code)
                .containsExactly(FindingCode.BLAMES_CUSTOMER);
    }

    @ParameterizedTest(name = "{0}: {1}")
    @CsvSource(delimiter = '|', value = {
            "en | None of this was your fault, it was ours.",
            "en | You received the wrong size, and your order was wrong.",
            "en | I'm sorry for the mistake with your order.",
            "ru | Мы вас подвели.",
            "sv | Du fick fel vara, och det var vårt misstag.",
            "en | This one is on us: we promised a date we could not keep.",
            "lv | Atvainojiet, ka nebijām sasniedzami, kad jums vajadzēja palīdzību." })
    void whatOnlyMentionsTheCustomerIsNoBlame(String language, String text) {
        assertThat(checks.checkStatement(language, text)).as(text).isEmpty();
    }

    @Test
    void aRefusedApologySaysWhichSentenceAndSuggestsWordingFromIt() {
        ApologyDraft draft = new ApologyDraft("en", "Ana Ozola", "LATE_DELIVERY", "The parcel arrived late.",
                "Ana, I'm sorry the parcel was late, but that was the courier's error, not ours. We will refund it.");
        Finding finding = checks.check(draft, List.of()).stream()
                .filter(f -> f.code().equals(FindingCode.NO_OWNERSHIP)).findFirst().orElseThrow();
        assertThat(ENGLISH.message(finding)).startsWith("Take ownership: this sentence says the mistake was not ours");
        assertThat(finding.sentence())
                .isEqualTo("Ana, I'm sorry the parcel was late, but that was the courier's error, not ours.");
        assertThat(finding.suggestion()).isEqualTo(
                "Ana, I'm sorry the parcel was late. That was our mistake, and I take responsibility for it.");
    }

    @Test
    void aConditionalApologyIsRewrittenWithoutItsCondition() {
        ApologyDraft draft = new ApologyDraft("sv-SE", "Karin Lindqvist", "LATE_DELIVERY", "Paketet kom för sent.",
                "Karin, vi ber om ursäkt om vi har gjort ett misstag, paketet kom för sent.");
        Finding finding = checks.check(draft, List.of()).stream()
                .filter(f -> f.code().equals(FindingCode.NO_OWNERSHIP)).findFirst().orElseThrow();
        assertThat(ENGLISH.message(finding)).contains("under a condition ('om')");
        assertThat(finding.suggestion()).isEqualTo(
                "Karin, vi ber om ursäkt, paketet kom för sent. Det var vårt misstag, och jag tar ansvar för det.");
    }

    @Test
    void aSuggestionIsInTheCustomersLanguage() {
        ApologyDraft draft = new ApologyDraft("ru", "Анна Смирнова", "LATE_DELIVERY", "Посылка опоздала.",
                "Анна, приносим извинения за опоздание посылки, но это не наша вина.");
        Finding finding = checks.check(draft, List.of()).stream()
                .filter(f -> f.code().equals(FindingCode.NO_OWNERSHIP)).findFirst().orElseThrow();
        assertThat(finding.suggestion()).isEqualTo(
                "Анна, приносим извинения за опоздание посылки. Это наша ошибка, и я беру на себя ответственность.");
    }

    @Test
    void findingsAboutTheWholeTextHaveNoSentence() {
        List<Finding> findings = checks.check(new ApologyDraft("en", "Ana Ozola", "LATE_DELIVERY", "late",
                "Sorry, Ana."), List.of());
        assertThat(findings).filteredOn(f -> f.code().equals(FindingCode.TOO_SHORT)).singleElement()
                .satisfies(f -> {
                    assertThat(f.sentence()).isNull();
                    assertThat(f.suggestion()).isNull();
                });
    }
}
