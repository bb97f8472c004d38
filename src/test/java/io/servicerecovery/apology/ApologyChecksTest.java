package io.servicerecovery.apology;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

import io.servicerecovery.apology.ApologyFixtures.Fixture;

/**
 * Every finding, in every supported language: once triggered, once not. Fixtures are in {@link ApologyFixtures}.
 */
class ApologyChecksTest {

    /** The findings in the API's words, which these assertions are about. */
    private static final FindingTexts ENGLISH = FindingTexts.english();

    private static final String FIXTURES = "io.servicerecovery.apology.ApologyFixtures#all";

    private final ApologyChecks checks = new ApologyChecks(new PhraseBook());

    private List<FindingCode> codes(ApologyDraft draft, List<String> recent) {
        return checks.check(draft, recent).stream().map(Finding::code).toList();
    }

    private List<FindingCode> codes(ApologyDraft draft) {
        return codes(draft, List.of());
    }

    // --- a good apology --------------------------------------------------------------------------------------

    @ParameterizedTest(name = "{0}")
    @MethodSource(FIXTURES)
    void goodApologyHasNoFindings(Fixture f) {
        assertThat(checks.check(f.draft(f.good()), List.of())).isEmpty();
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource(FIXTURES)
    void goodApologyOfTheOtherCaseHasNoFindings(Fixture f) {
        assertThat(checks.check(f.otherDraft(), List.of(f.good()))).isEmpty();
    }

    // --- TOO_SHORT -------------------------------------------------------------------------------------------

    @ParameterizedTest(name = "{0}")
    @MethodSource(FIXTURES)
    void tooShortTriggers(Fixture f) {
        List<Finding> findings = checks.check(f.draft(f.shortApology()), List.of());
        assertThat(findings).extracting(Finding::code).contains(FindingCode.TOO_SHORT);
        assertThat(findings).filteredOn(x -> x.code().equals(FindingCode.TOO_SHORT)).singleElement()
                .satisfies(x -> assertThat(ENGLISH.message(x)).contains("at least " + ApologyChecks.MIN_WORDS + " words"));
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource(FIXTURES)
    void tooShortTriggersBelowTheMinimumAndNotAtIt(Fixture f) {
        Tokenizer tokenizer = Tokenizer.forLanguage(f.locale().substring(0, 2));
        java.util.List<String> words = tokenizer.words(f.good());
        String atMinimum = String.join(" ", words.subList(0, ApologyChecks.MIN_WORDS));
        String belowMinimum = String.join(" ", words.subList(0, ApologyChecks.MIN_WORDS - 1));
        assertThat(tokenizer.words(atMinimum)).hasSize(ApologyChecks.MIN_WORDS);
        assertThat(tokenizer.words(belowMinimum)).hasSize(ApologyChecks.MIN_WORDS - 1);
        assertThat(codes(f.draft(atMinimum))).doesNotContain(FindingCode.TOO_SHORT);
        assertThat(codes(f.draft(belowMinimum))).contains(FindingCode.TOO_SHORT);
    }

    // --- CUSTOMER_NOT_NAMED ----------------------------------------------------------------------------------

    @ParameterizedTest(name = "{0}")
    @MethodSource(FIXTURES)
    void customerNotNamedTriggersWhenTheApologyNamesSomeoneElse(Fixture f) {
        ApologyDraft draft = new ApologyDraft(f.locale(), f.otherName(), f.category(), f.description(), f.good());
        List<Finding> findings = checks.check(draft, List.of());
        assertThat(findings).extracting(Finding::code).containsExactly(FindingCode.CUSTOMER_NOT_NAMED);
        assertThat(ENGLISH.message(findings.get(0)))
                .isEqualTo("Name the customer: use '" + f.otherFirstName() + "' or '" + f.otherName() + "'.");
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource(FIXTURES)
    void customerNotNamedDoesNotTriggerWhateverTheCaseOfTheName(Fixture f) {
        String shouted = f.name().toUpperCase(java.util.Locale.ROOT);
        ApologyDraft draft = new ApologyDraft(f.locale(), shouted, f.category(), f.description(), f.good());
        assertThat(codes(draft)).isEmpty();
    }

    // --- FAILURE_NOT_REFERENCED ------------------------------------------------------------------------------

    @ParameterizedTest(name = "{0}")
    @MethodSource(FIXTURES)
    void failureNotReferencedTriggersForAnotherFailure(Fixture f) {
        ApologyDraft draft = new ApologyDraft(f.locale(), f.name(), f.otherCategory(), f.otherDescription(),
                f.good());
        List<Finding> findings = checks.check(draft, List.of());
        assertThat(findings).extracting(Finding::code).containsExactly(FindingCode.FAILURE_NOT_REFERENCED);
        assertThat(ENGLISH.message(findings.get(0))).startsWith("Refer to what actually went wrong, e.g. '");
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource(FIXTURES)
    void failureNotReferencedDoesNotTriggerWhenTheDescriptionIsReferred(Fixture f) {
        // an unknown category leaves only the words of the description to refer to
        ApologyDraft draft = new ApologyDraft(f.locale(), f.name(), "SOMETHING_ELSE", f.description(), f.good());
        assertThat(codes(draft)).isEmpty();
    }

    // --- NO_APOLOGY ------------------------------------------------------------------------------------------

    @ParameterizedTest(name = "{0}")
    @MethodSource(FIXTURES)
    void noApologyTriggers(Fixture f) {
        List<Finding> findings = checks.check(f.draft(f.withoutApology()), List.of());
        assertThat(findings).extracting(Finding::code).containsExactly(FindingCode.NO_APOLOGY);
        assertThat(ENGLISH.message(findings.get(0))).startsWith("Apologize in so many words").contains(", e.g. '");
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource(FIXTURES)
    void noApologyDoesNotTriggerWhereverAndHoweverTheApologyIsWritten(Fixture f) {
        // The apology last, in capitals: found all the same (position and case do not matter).
        java.util.Locale locale = java.util.Locale.forLanguageTag(f.locale());
        String message = String.join(" ", f.greeting(), f.ownership(), f.remedy(), f.apology().toUpperCase(locale));
        assertThat(codes(f.draft(message))).doesNotContain(FindingCode.NO_APOLOGY).isEmpty();
    }

    // --- NO_OWNERSHIP ----------------------------------------------------------------------------------------

    @ParameterizedTest(name = "{0}")
    @MethodSource(FIXTURES)
    void noOwnershipTriggers(Fixture f) {
        List<Finding> findings = checks.check(f.draft(f.withoutOwnership()), List.of());
        assertThat(findings).extracting(Finding::code).containsExactly(FindingCode.NO_OWNERSHIP);
        assertThat(ENGLISH.message(findings.get(0))).startsWith("Take ownership");
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource(FIXTURES)
    void noOwnershipDoesNotTriggerWhereverAndHoweverTheOwnershipIsWritten(Fixture f) {
        // The ownership first, in capitals: found all the same.
        java.util.Locale locale = java.util.Locale.forLanguageTag(f.locale());
        String message = String.join(" ", f.ownership().toUpperCase(locale), f.greeting(), f.apology(), f.remedy());
        assertThat(codes(f.draft(message))).doesNotContain(FindingCode.NO_OWNERSHIP).isEmpty();
    }

    // --- BLAMES_CUSTOMER -------------------------------------------------------------------------------------

    @ParameterizedTest(name = "{0}")
    @MethodSource(FIXTURES)
    void blamesCustomerTriggersInAnApology(Fixture f) {
        List<Finding> findings = checks.check(f.draft(f.good() + " " + f.blame()), List.of());
        assertThat(findings).extracting(Finding::code).containsExactly(FindingCode.BLAMES_CUSTOMER);
        assertThat(ENGLISH.message(findings.get(0))).startsWith("Remove '");
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource(FIXTURES)
    void blamesCustomerTriggersInAStatement(Fixture f) {
        assertThat(checks.checkStatement(f.locale(), f.blame())).extracting(Finding::code)
                .containsExactly(FindingCode.BLAMES_CUSTOMER);
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource(FIXTURES)
    void blamesCustomerDoesNotTriggerOnLookAlikes(Fixture f) {
        // "you should have received it ..." starts like "you should have ..." but blames nobody
        assertThat(codes(f.draft(f.good() + " " + f.notBlame()))).isEmpty();
        assertThat(checks.checkStatement(f.locale(), f.ownership() + " " + f.notBlame())).isEmpty();
    }

    // --- CANNED ----------------------------------------------------------------------------------------------

    @ParameterizedTest(name = "{0}")
    @MethodSource(FIXTURES)
    void cannedTriggersForACopyWithOnlyTheNameChanged(Fixture f) {
        List<Finding> findings = checks.check(f.draft(f.good()), List.of(f.otherApology(), f.copiedForOtherCustomer()));
        assertThat(findings).extracting(Finding::code).containsExactly(FindingCode.CANNED);
        assertThat(ENGLISH.message(findings.get(0))).contains("canned");
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource(FIXTURES)
    void cannedDoesNotTriggerForApologiesWrittenSeparately(Fixture f) {
        List<String> recent = ApologyFixtures.all().stream().filter(other -> other != f).map(Fixture::good)
                .collect(java.util.stream.Collectors.toList());
        recent.add(f.otherApology());
        assertThat(codes(f.draft(f.good()), recent)).isEmpty();
    }

    // --- specific cases --------------------------------------------------------------------------------------

    @Test
    void youShouldHaveReadOurTermsIsRefused() {
        List<Finding> findings = checks.checkStatement("en", "You should have read our terms.");
        assertThat(findings).singleElement().satisfies(finding -> {
            assertThat(finding.code()).isEqualTo(FindingCode.BLAMES_CUSTOMER);
            assertThat(finding.blocking()).isTrue();
            assertThat(ENGLISH.message(finding)).startsWith("Remove 'you should have': it puts the blame on the customer.");
        });
    }

    @Test
    void everyBlamePhraseFoundIsNamed() {
        List<Finding> findings = checks.checkStatement("en-US",
                "As stated in our terms, it was your fault; you didn’t read the confirmation.");
        assertThat(findings).singleElement().extracting(ENGLISH::message).asString()
                .startsWith("Remove 'as stated in our terms', 'your fault', 'you didn't read': they put the blame");
    }

    @Test
    void aBlamePhraseInsideALongerOneIsQuotedOnce() {
        assertThat(checks.checkStatement("ru", "Вы сами виноваты, надо было читать условия.")).singleElement()
                .extracting(ENGLISH::message).asString()
                .startsWith("Remove 'вы сами виноваты', 'надо было читать': they put the blame");
        assertThat(checks.checkStatement("en", "I'm sorry you feel that way.")).extracting(Finding::code)
                .containsExactly(FindingCode.BLAMES_CUSTOMER);
    }

    @Test
    void aCopyPastedApologyForAnotherCaseIsCanned() {
        String sent = "Dear Tom, I am so sorry for the trouble with your order. This was our mistake and I take full"
                + " responsibility. We have refunded the delivery.";
        String draft = sent.replace("Tom", "Ana");
        List<Finding> findings = checks.check(
                new ApologyDraft("en", "Ana Ozola", "LATE_DELIVERY", "Delivery was late", draft), List.of(sent));
        assertThat(findings).extracting(Finding::code).containsExactly(FindingCode.CANNED);
        assertThat(ENGLISH.message(findings.get(0))).startsWith("This apology is 100% the same as one sent in another case");
    }

    @Test
    void aShortCopyIsStillCannedBecauseTheNameIsMasked() {
        // 9 words: without masking the name, 1 of 7 shingles differs and Jaccard is 6/8 = 0.75
        String sent = "Ana, sorry: our mistake, the parcel was late again.";
        String draft = "Tom, sorry: our mistake, the parcel was late again.";
        assertThat(codes(new ApologyDraft("en", "Tom", "LATE_DELIVERY", "late parcel", draft), List.of(sent)))
                .containsExactly(FindingCode.CANNED);
    }

    @Test
    void latvianNamesAreFoundWithTheirCaseEndings() {
        String message = "Jāni, mēs atvainojamies: sūtījums kavējās, un tā ir mūsu kļūda. Kompensāciju jau nosūtījām.";
        ApologyDraft draft = new ApologyDraft("lv", "Jānis Bērziņš", "LATE_DELIVERY", "Sūtījums kavējās", message);
        assertThat(codes(draft)).isEmpty();

        String dative = "Atvainojamies Annai un visai ģimenei: piegāde kavējās mūsu kļūdas dēļ, piegādes maksu atmaksāsim.";
        assertThat(codes(new ApologyDraft("lv", "Anna Ozola", "LATE_DELIVERY", "", dative))).isEmpty();
    }

    @Test
    void nameEndingsAreToleratedOnlyWhereTheyBelong() {
        assertThat(CustomerName.sameName("jānis", "jāni", true)).isTrue(); // Latvian vocative
        assertThat(CustomerName.sameName("ozola", "ozolai", true)).isTrue(); // Latvian dative
        assertThat(CustomerName.sameName("анна", "анне", true)).isTrue(); // Russian dative of a short name
        assertThat(CustomerName.sameName("sam", "sam's", false)).isTrue(); // possessive
        assertThat(CustomerName.sameName("sam", "same", false)).isFalse(); // English does not inflect names
        assertThat(CustomerName.sameName("ana", "anatomy", true)).isFalse(); // too long for an ending
    }

    @Test
    void russianApologiesMatchOnStemsAndCaseForms() {
        // "извиняемся" (stem извин*), "нашей ошибки" (наш* ошибк*), dative "Анне", "несём" written with ё
        String message = "Анне: мы очень извиняемся, задержка доставки произошла из-за нашей ошибки, мы несём"
                + " ответственность.";
        ApologyDraft draft = new ApologyDraft("ru", "Анна Петрова", "LATE_DELIVERY", "Задержка доставки", message);
        assertThat(codes(draft)).isEmpty();
    }

    @Test
    void thaiWithoutSpacesIsSegmentedIntoWords() {
        // no space at all: the word count, the name, the failure and the phrases come from segmentation
        String message = "เรียนคุณสมชายดิฉันขอโทษที่พัสดุมาถึงช้าเป็นความผิดพลาดของเราเองค่ะ";
        ApologyDraft draft = new ApologyDraft("th", "สมชาย ใจดี", "LATE_DELIVERY", "พัสดุมาถึงช้า", message);
        assertThat(codes(draft)).isEmpty();

        assertThat(codes(new ApologyDraft("th", "สมชาย ใจดี", "LATE_DELIVERY", "พัสดุมาถึงช้า", "ขอโทษค่ะคุณสมชาย")))
                .containsExactly(FindingCode.TOO_SHORT, FindingCode.FAILURE_NOT_REFERENCED, FindingCode.NO_OWNERSHIP);
        assertThat(checks.checkStatement("th", "ตามเงื่อนไขของเราคุณควรจะอ่านก่อน")).singleElement()
                .extracting(ENGLISH::message).asString().startsWith("Remove 'ตามเงื่อนไขของเรา', 'คุณควรจะ'");
    }

    @Test
    void findingsComeInAStableOrderAndAllBlock() {
        List<Finding> findings = checks.check(new ApologyDraft("sv-SE", "Karin Lindqvist", "LATE_DELIVERY",
                "Paketet kom för sent", "Du borde ha läst villkoren."), List.of("Du borde ha läst villkoren."));
        assertThat(findings).extracting(Finding::code).containsExactly(FindingCode.TOO_SHORT,
                FindingCode.CUSTOMER_NOT_NAMED, FindingCode.FAILURE_NOT_REFERENCED, FindingCode.NO_APOLOGY, FindingCode.NO_OWNERSHIP,
                FindingCode.BLAMES_CUSTOMER, FindingCode.CANNED);
        assertThat(findings).allMatch(Finding::blocking);
        assertThat(ENGLISH.message(findings.get(3))).isEqualTo(
                "Apologize in so many words, in the customer's language, e.g. 'förlåt' or 'ber om ursäkt'.");
    }

    @Test
    void anUnsupportedLocaleIsCheckedInEnglish() {
        String message = "Dear Ola, I am sorry that your parcel was late; that was our mistake and we refunded it.";
        assertThat(codes(new ApologyDraft("nb-NO", "Ola Nordmann", "LATE_DELIVERY", null, message))).isEmpty();
        assertThat(codes(new ApologyDraft(null, "Ola Nordmann", "LATE_DELIVERY", null, message))).isEmpty();
    }

    @Test
    void withoutANameOrAFailureThoseChecksAreSkipped() {
        String message = "I am sorry for what happened, it was our mistake and we will make it right.";
        assertThat(codes(new ApologyDraft("en", null, null, null, message))).isEmpty();
        assertThat(codes(new ApologyDraft("en", " ", "UNKNOWN", " ", message), null)).isEmpty();
    }

    @Test
    void anEmptyMessageGetsEveryFindingButCannedAndBlame() {
        assertThat(codes(new ApologyDraft("da", "Mette Hansen", "LATE_DELIVERY", "Pakken kom for sent", null)))
                .containsExactly(FindingCode.TOO_SHORT, FindingCode.CUSTOMER_NOT_NAMED, FindingCode.FAILURE_NOT_REFERENCED,
                        FindingCode.NO_APOLOGY, FindingCode.NO_OWNERSHIP);
    }

    @Test
    void theChecksAreSafeToShareBetweenThreads() {
        List<Boolean> results = java.util.stream.IntStream.range(0, 200).parallel()
                .mapToObj(i -> ApologyFixtures.all().get(i % 6))
                .map(f -> checks.check(f.draft(f.good()), List.of(f.otherApology())).isEmpty())
                .toList();
        assertThat(results).containsOnly(true);
    }
}
