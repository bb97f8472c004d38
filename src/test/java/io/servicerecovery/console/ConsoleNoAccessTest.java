package io.servicerecovery.console;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

import io.quarkus.test.junit.QuarkusTest;
import io.restassured.response.Response;
import io.servicerecovery.support.Api;
import io.servicerecovery.support.ConsoleSignIn;

/** A signed-in person whose role does not allow a console page reads the console's own page, in their language. */
@QuarkusTest
class ConsoleNoAccessTest {

    @Test
    void anAdminOpeningApprovalsReadsThatTheRoleHasNoAccessAndWhereToGo() {
        ConsoleSignIn admin = ConsoleSignIn.as("admin");

        Response en = admin.request().header("Accept-Language", "en").get("/console/approvals");
        assertThat(en.statusCode()).isEqualTo(403);
        assertThat(en.contentType()).startsWith("text/html");
        assertThat(en.asString()).contains("You have no access to this page", "href=\"/console\"",
                "Go to your start page").doesNotContain("problem", "Your role does not allow this.");

        Response sv = admin.request().header("Accept-Language", "sv").get("/console/approvals");
        assertThat(sv.statusCode()).isEqualTo(403);
        assertThat(sv.asString()).contains("Du har inte tillgång till den här sidan", "Gå till din startsida",
                "lang=\"sv\"");
    }

    @Test
    void htmxGetsTheSameWordsInPlace() {
        Response inPlace = ConsoleSignIn.as("admin").request().header("Accept-Language", "sv")
                .header("HX-Request", "true").get("/console/approvals/list");
        assertThat(inPlace.statusCode()).isEqualTo(200);
        assertThat(inPlace.asString()).contains("id=\"no-access\"", "Du har inte tillgång till den här sidan")
                .doesNotContain("<html");
    }

    @Test
    void aCrmAccountSigningInReadsThatItIsForTheApi() {
        Response console = ConsoleSignIn.as("crm-acme").request().header("Accept-Language", "en").get("/console");
        assertThat(console.statusCode()).isEqualTo(403);
        assertThat(console.contentType()).startsWith("text/html");
        assertThat(console.asString()).contains("You have no access to this page",
                "This account is for the API and has no pages in the console.");
    }

    @Test
    void theApiStillAnswersProblemJson() {
        Api.as("agent-ana").get("/api/reports/recovery").then().statusCode(403)
                .contentType("application/problem+json");
    }
}
