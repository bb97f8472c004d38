package io.servicerecovery.notify;

import static org.assertj.core.api.Assertions.assertThat;

import jakarta.inject.Inject;

import org.junit.jupiter.api.Test;

import io.quarkus.test.junit.QuarkusTest;

/**
 * One rendering of the follow-up for the send and the preview: the customer's language when it has words, else
 * English; the HTML and the text version say the same; what the case and the agent put in is escaped in HTML
 * once and left as written in the text and the subject.
 */
@QuarkusTest
class FollowUpEmailTest {

    @Inject
    FollowUpEmail email;

    private static final FollowUpEmail.Content CONTENT = new FollowUpEmail.Content("Ana O'Hara <ana>", "CRM-1 & 2",
            "We sent the wrong size.\nThat was our mistake.", "Ben \"B\" Berg");

    @Test
    void writesInTheCustomersLanguageWhenItHasWordsElseInEnglish() {
        assertThat(email.render("sv-SE", CONTENT).language()).isEqualTo("sv");
        assertThat(email.render("th-TH", CONTENT).language()).isEqualTo("th");
        assertThat(email.render("da", CONTENT).subject()).startsWith("Ana O'Hara <ana>, vi beklager");
        assertThat(email.render("nb-NO", CONTENT).language()).isEqualTo("en");
        assertThat(email.render(null, CONTENT).language()).isEqualTo("en");
        assertThat(email.render("not a locale", CONTENT).language()).isEqualTo("en");
        assertThat(email.render("nb-NO", CONTENT).html()).contains("<html lang=\"en\">").contains("Dear ");
    }

    @Test
    void theTextVersionSaysWhatTheHtmlVersionSays() {
        FollowUpEmail.Rendered rendered = email.render("lv-LV", CONTENT);

        assertThat(rendered.subject()).isEqualTo(
                "Ana O'Hara <ana>, mēs atvainojamies: personīga vēstule par Jūsu pieteikumu CRM-1 & 2");
        assertThat(rendered.text()).startsWith("Labdien, Ana O'Hara <ana>!\n\nPaldies par mūsu sarunu.")
                .contains("\n\nWe sent the wrong size.\nThat was our mistake.\n\n")
                .contains("pieteikumu (CRM-1 & 2). Ja kaut kas joprojām nav kārtībā,\nvienkārši atbildiet")
                .endsWith("Ar cieņu,\nBen \"B\" Berg\nKlientu apkalpošana\n");
        assertThat(rendered.html()).contains("<p>Labdien, Ana O&#39;Hara &lt;ana&gt;!</p>")
                .contains(">We sent the wrong size.\nThat was our mistake.</blockquote>")
                .contains("pieteikumu (CRM-1 &amp; 2). Ja kaut kas joprojām nav kārtībā, vienkārši atbildiet")
                .contains("<p>Ar cieņu,<br>Ben &quot;B&quot; Berg<br>Klientu apkalpošana</p>")
                .doesNotContain("<ana>").doesNotContain("{");
    }

    @Test
    void anApologyThatOpensWithAGreetingIsNotGreetedAgain() {
        FollowUpEmail.Rendered swedish = email.render("sv-SE",
                new FollowUpEmail.Content("Åsa Lindqvist", "CRM-7", "Hej Åsa! Förlåt, det var vårt fel.", "Bo"));
        FollowUpEmail.Rendered english = email.render("en-GB",
                new FollowUpEmail.Content("Ana Ozola", "CRM-7", "hi Ana, I am so sorry.", "Bo"));

        assertThat(swedish.text()).startsWith("Tack för vårt samtal.").doesNotContain("Hej Åsa Lindqvist")
                .containsOnlyOnce("Hej");
        assertThat(swedish.html()).doesNotContain("Hej Åsa Lindqvist").containsOnlyOnce("Hej");
        assertThat(english.text()).startsWith("Following our conversation").doesNotContain("Dear");
        assertThat(english.html()).doesNotContain("Dear");

        // Not a greeting: a word that only begins like one, or a greeting later in the apology.
        for (String apology : new String[] { "Hejdå to the late parcel: I am sorry.", "Sorry, hi again." }) {
            assertThat(email.render("sv-SE", new FollowUpEmail.Content("Åsa", "CRM-7", apology, "Bo")).text())
                    .startsWith("Hej Åsa,\n\n");
        }
        assertThat(email.render("en", new FollowUpEmail.Content("Ana", "CRM-7", "Dearest Ana, sorry.", "Bo")).text())
                .startsWith("Dear Ana,\n\n");
    }
}
