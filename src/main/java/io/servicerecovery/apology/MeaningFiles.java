package io.servicerecovery.apology;

import java.util.List;
import java.util.Map;


/**
 * Compiles the {@code meaning} of a language profile ({@link LanguageProfile}): which words play which {@link Role}
 * for the ownership and blame checks, and how far a negation reaches. Every profile needs one; a required list
 * that is missing fails loading.
 */
final class MeaningFiles {

    /** Words after a negation that it covers: "not (1) a (2) mistake (3) on (4) our part (5)". */
    static final int DEFAULT_NEGATION_SCOPE = 5;

    private MeaningFiles() {
    }

    static Lexicon compile(LanguageProfile profile) {
        MeaningLists file = profile.meaning();
        String path = LanguageProfiles.path(profile.language()) + " meaning";
        Map<Role, List<String>> lists = Lexicon.lists();
        put(lists, Role.FIRST_PERSON, file.firstPerson(), path, true);
        put(lists, Role.FIRST_PERSON_ALONE, file.firstPersonAlone(), path, true);
        put(lists, Role.FIRST_PERSON_BEFORE, file.firstPersonBefore(), path, false);
        put(lists, Role.REFLEXIVE, file.reflexive(), path, false);
        put(lists, Role.CUSTOMER, file.customer(), path, true);
        put(lists, Role.CUSTOMER_BEFORE, file.customerBefore(), path, false);
        put(lists, Role.CUSTOMER_AFTER, file.customerAfter(), path, false);
        put(lists, Role.THIRD_PARTY, file.thirdParty(), path, true);
        put(lists, Role.FAULT, file.fault(), path, true);
        put(lists, Role.FAULT_WEAK, file.faultWeak(), path, false);
        put(lists, Role.FAULT_OBJECT, file.faultObject(), path, false);
        put(lists, Role.IDIOM, file.ownershipIdioms(), path, false);
        put(lists, Role.NEGATION, file.negation(), path, true);
        put(lists, Role.NEGATION_WORD, file.negationWord(), path, false);
        put(lists, Role.NOT_NEGATION, file.notNegation(), path, false);
        put(lists, Role.CONDITIONAL, file.conditional(), path, true);
        put(lists, Role.CONDITIONAL_FIRST, file.conditionalFirst(), path, false);
        put(lists, Role.QUESTION, file.question(), path, false);
        put(lists, Role.FEELING, file.feeling(), path, true);
        put(lists, Role.SUBJECT, file.subjects(), path, false);
        put(lists, Role.CONJUNCTION, file.conjunctions(), path, false);
        put(lists, Role.RELATIVE, file.relatives(), path, false);
        put(lists, Role.APOLOGY, file.apology(), path, true);
        put(lists, Role.NEUTRAL, file.neutral(), path, false);
        LanguageProfile.SuggestionRules suggestions = profile.suggestions();
        if (suggestions.ownershipSentence() == null || suggestions.apologySentence() == null
                || suggestions.address() == null) {
            throw new IllegalStateException(LanguageProfiles.path(profile.language())
                    + ": suggestions.address, ownershipSentence and apologySentence are required");
        }
        return new Lexicon(Words.of(profile), lists,
                file.negationScope() == null ? DEFAULT_NEGATION_SCOPE : file.negationScope(),
                Boolean.TRUE.equals(file.negationLooksBack()), suggestions, path);
    }

    private static void put(Map<Role, List<String>> lists, Role role, List<String> list, String where,
            boolean required) {
        if (list == null || list.isEmpty()) {
            if (required) {
                throw new IllegalStateException(where + ": " + role + " must list at least one entry");
            }
            return;
        }
        lists.put(role, List.copyOf(list));
    }

    /** The meaning lists of a language profile, as written (see {@link Role} for each list). */
    record MeaningLists(List<String> firstPerson, List<String> firstPersonAlone,
            List<String> firstPersonBefore, List<String> reflexive, List<String> customer, List<String> customerBefore,
            List<String> customerAfter,
            List<String> thirdParty, List<String> fault, List<String> faultWeak, List<String> faultObject,
            List<String> ownershipIdioms, List<String> negation, List<String> negationWord, List<String> notNegation,
            Integer negationScope, Boolean negationLooksBack, List<String> conditional,
            List<String> conditionalFirst, List<String> question,
            List<String> feeling, List<String> subjects, List<String> conjunctions, List<String> relatives,
            List<String> apology, List<String> neutral) {
    }
}
