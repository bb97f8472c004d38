package io.servicerecovery.contract;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.math.BigDecimal;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.time.temporal.ChronoUnit;
import java.util.Base64;
import java.util.List;
import java.util.UUID;

import org.junit.jupiter.api.Test;

import com.fasterxml.jackson.annotation.JsonFormat;
import com.fasterxml.jackson.databind.ObjectMapper;

import crm.client.ApiClient;
import crm.client.ApiException;
import crm.client.ApiResponse;
import crm.client.api.CasesApi;
import crm.client.api.EmpowermentApi;
import crm.client.api.TasksApi;
import crm.client.api.WebhooksApi;
import crm.client.model.AccountabilityCompletion;
import crm.client.model.AgentView;
import crm.client.model.ApologyCompletion;
import crm.client.model.ApprovalRequest;
import crm.client.model.CaseStatus;
import crm.client.model.CaseView;
import crm.client.model.Channel;
import crm.client.model.CompensationType;
import crm.client.model.CompleteTaskRequest;
import crm.client.model.CompletionResult;
import crm.client.model.Customer;
import crm.client.model.Decision;
import crm.client.model.DeliveredVia;
import crm.client.model.EffectiveLimits;
import crm.client.model.Failure;
import crm.client.model.FailureStage;
import crm.client.model.Level;
import crm.client.model.Money;
import crm.client.model.OpenCaseRequest;
import crm.client.model.PageTaskSummary;
import crm.client.model.ProposalOutcome;
import crm.client.model.ProposalRequest;
import crm.client.model.RecoveryStep;
import crm.client.model.Severity;
import crm.client.model.TaskSummary;
import crm.client.model.Tier;
import crm.client.model.WebhookDeliveryStatus;
import crm.client.model.WebhookSecretAnswer;
import crm.client.model.WebhookSubscriptionRequest;
import io.quarkus.test.common.http.TestHTTPResource;
import io.quarkus.test.junit.QuarkusTest;
import io.servicerecovery.support.Apologies;
import io.servicerecovery.support.Eventually;
import io.servicerecovery.support.Tokens;

/**
 * What a CRM team gets from openapi/openapi.json: the Java client that openapi-generator (library
 * {@code native}) generates from the checked-in document at build time (target/generated-test-sources),
 * driving a whole recovery against the running service through its typed methods only: open a case, the
 * three steps, an approval by a manager, the agent's limits, a webhook subscription. A contract change that
 * breaks generated clients (an operation renamed, a body untyped, a field type changed) fails to compile here
 * or fails this flow.
 */
@QuarkusTest
class GeneratedClientFlowTest {

    @TestHTTPResource("/")
    URI service;

    @Test
    void aGeneratedClientRecoversACaseThroughTypedCalls() throws Exception {
        // A fresh agent (a real JWT) with the default AGENT limits: 50 EUR a case, so 60 EUR needs an approval.
        String agent = "agent-client-" + UUID.randomUUID().toString().substring(0, 8);
        CasesApi crm = new CasesApi(client(basic("crm-acme")));
        TasksApi agentTasks = new TasksApi(client(bearer(agent, "agent")));
        TasksApi managerTasks = new TasksApi(client(basic("manager-max")));
        EmpowermentApi empowerment = new EmpowermentApi(client(basic("director-dora")));

        // given: the CRM opens a case
        String unique = UUID.randomUUID().toString().substring(0, 8);
        OpenCaseRequest request = new OpenCaseRequest()
                .externalRef("CRM-GEN-" + unique)
                .customer(new Customer().id("C-" + unique).name("Ana Ozola").email("ana." + unique + "@example.com")
                        .locale("en").tier(Tier.GOLD))
                .failure(new Failure().stage(FailureStage.POST_PURCHASE).channel(Channel.PHONE)
                        .category("LATE_DELIVERY").description("The sofa arrived nine days late.")
                        .severity(Severity.HIGH)
                        .occurredAt(OffsetDateTime.now(ZoneOffset.UTC).minusDays(1).truncatedTo(ChronoUnit.SECONDS)))
                .orderValue(new Money().amount(new BigDecimal("899.90")).currency("EUR"))
                .ownerAgent(agent);
        ApiResponse<CaseView> opened = crm.openCaseWithHttpInfo(UUID.randomUUID().toString(), request);
        assertThat(opened.getStatusCode()).isEqualTo(201);
        CaseView created = opened.getData();
        assertThat(created.getStatus()).isEqualTo(CaseStatus.AWAITING_ACCOUNTABILITY);
        assertThat(opened.getHeaders().get("location")).singleElement().asString()
                .endsWith("/api/cases/" + created.getId());
        UUID caseId = created.getId();

        // when: the agent takes accountability, apologizes and proposes 60 EUR
        String accountability = awaitTask(agentTasks, caseId, RecoveryStep.ACCOUNTABILITY);
        assertThat(agentTasks.claimTask(accountability).getAssignee()).isEqualTo(agent);
        CompletionResult owned = agentTasks.completeTask(accountability, new CompleteTaskRequest(
                new AccountabilityCompletion().statement("This one is on us: we promised a date we could not keep.")
                        .rootCause("CARRIER_DELAY")));
        assertThat(owned.getCaseStatus()).isEqualTo(CaseStatus.AWAITING_APOLOGY);

        String apology = awaitTask(agentTasks, caseId, RecoveryStep.APOLOGY);
        claimHeld(agentTasks, apology, agent); // already hers: the steps stay with who took accountability
        CompletionResult given = agentTasks.completeTask(apology, new CompleteTaskRequest(
                new ApologyCompletion().message(Apologies.unique()).deliveredVia(DeliveredVia.PHONE)));
        assertThat(given.getCaseStatus()).as("the compensation opens at once, the email goes beside it")
                .isEqualTo(CaseStatus.AWAITING_COMPENSATION);

        String proposal = awaitTask(agentTasks, caseId, RecoveryStep.COMPENSATION);
        claimHeld(agentTasks, proposal, agent);
        assertThat(agentTasks.getTask(proposal).getTask().getType()).isEqualTo(RecoveryStep.COMPENSATION);
        CompletionResult proposed = agentTasks.completeTask(proposal, new CompleteTaskRequest(
                new ProposalRequest().type(CompensationType.CREDIT).amount(new BigDecimal("60.00")).currency("EUR")
                        .reason("Nine days late")));
        assertThat(proposed.getDecision()).isEqualTo(ProposalOutcome.PENDING_APPROVAL);
        assertThat(proposed.getApproverLevel()).isEqualTo(Level.TEAM_LEAD);

        // and: a manager approves it; the approval is reserved against the manager's own budget
        BigDecimal managerUsedBefore = usedInEur(empowerment.getAgentEmpowerment("manager-max"));
        String approval = awaitTask(managerTasks, caseId, RecoveryStep.APPROVAL);
        managerTasks.claimTask(approval);
        CompletionResult approved = managerTasks.completeTask(approval, new CompleteTaskRequest(
                new ApprovalRequest().decision(Decision.APPROVE).note("Justified: nine days late.")));
        assertThat(approved.getDecision()).isEqualTo(ProposalOutcome.APPROVED);

        // then: the case is recovered with a 60 EUR credit, read back through the client
        CaseView recovered = Eventually.await("case " + caseId + " recovered", () -> call(() -> crm.getCase(caseId)),
                c -> c.getStatus() == CaseStatus.RECOVERED);
        assertThat(recovered.getCompensation().getGrant().getType()).isEqualTo(CompensationType.CREDIT);
        assertThat(recovered.getCompensation().getGrant().getAmount()).isEqualByComparingTo("60.00");
        assertThat(crm.getCaseTimeline(caseId)).isNotEmpty();

        // and: the limits read through the client: the agent's are the AGENT level's, untouched; the manager's
        // rolling budget carries the approved 60 EUR
        ApiResponse<AgentView> agentLimits = empowerment.getAgentEmpowermentWithHttpInfo(agent);
        assertThat(agentLimits.getHeaders().get("etag")).isNotEmpty();
        assertThat(agentLimits.getData().getLevel()).isEqualTo(Level.AGENT);
        EffectiveLimits eur = eur(agentLimits.getData());
        assertThat(eur.getMaxCreditPerCase()).isEqualByComparingTo("50.00");
        assertThat(eur.getUsedInWindow()).isEqualByComparingTo("0");
        assertThat(usedInEur(empowerment.getAgentEmpowerment("manager-max")).subtract(managerUsedBefore))
                .isEqualByComparingTo("60.00");

        // and: the CRM subscribes to case events, gets its secret once, and unsubscribes
        WebhooksApi webhooks = new WebhooksApi(client(basic("crm-acme")));
        WebhookSecretAnswer subscribed = webhooks.createWebhookSubscription(new WebhookSubscriptionRequest()
                .url("http://127.0.0.1:9/generated-client").events(List.of("case.recovered")));
        assertThat(subscribed.getSecret()).startsWith("whsec_");
        assertThat(webhooks.getWebhookSubscription(subscribed.getId()).getEvents()).containsExactly("case.recovered");
        // nothing failed yet: the failed-deliveries view is empty and a bulk resend sends nothing
        assertThat(webhooks.listWebhookDeliveries(subscribed.getId(), null, null, WebhookDeliveryStatus.FAILED)
                .getItems()).isEmpty();
        assertThat(webhooks.resendFailedWebhookDeliveries(subscribed.getId()).getResent()).isZero();
        assertThat(webhooks.deleteWebhookSubscriptionWithHttpInfo(subscribed.getId()).getStatusCode()).isEqualTo(204);
        assertThatThrownBy(() -> webhooks.getWebhookSubscription(subscribed.getId()))
                .isInstanceOfSatisfying(ApiException.class, e -> {
                    assertThat(e.getCode()).isEqualTo(404);
                    assertThat(e.getResponseHeaders().firstValue("content-type")).hasValueSatisfying(
                            type -> assertThat(type).startsWith("application/problem+json"));
                });
    }

    private ApiClient client(String authorization) {
        ApiClient client = new ApiClient();
        client.updateBaseUri(service.toString().replaceAll("/$", ""));
        client.setRequestInterceptor(builder -> builder.header("Authorization", authorization));
        client.setReadTimeout(Duration.ofSeconds(30));
        // The generated models hold amounts (format decimal) as BigDecimal, which Jackson writes as a JSON number;
        // the service reads money only as a decimal string ("60.00"), as the contract says (docs/api-guide.md).
        ObjectMapper mapper = client.getObjectMapper(); // a copy: set it back
        mapper.configOverride(BigDecimal.class).setFormat(JsonFormat.Value.forShape(JsonFormat.Shape.STRING));
        client.setObjectMapper(mapper);
        return client;
    }

    private static String basic(String demoUser) {
        return "Basic " + Base64.getEncoder()
                .encodeToString((demoUser + ":" + demoUser).getBytes(StandardCharsets.UTF_8));
    }

    private static String bearer(String subject, String role) {
        return "Bearer " + Tokens.token(subject, role);
    }

    /**
     * The open task of this type on the case, as the caller sees it. The steps between tasks run
     * async; the list's wait answers as soon as the task opens, as a CRM would ask.
     */
    private static String awaitTask(TasksApi tasks, UUID caseId, RecoveryStep type) {
        PageTaskSummary page = Eventually.await(type + " task of case " + caseId,
                () -> call(() -> tasks.listTasks(null, caseId, null, null, type, 10)), p -> !p.getItems().isEmpty());
        return page.getItems().get(0).getId();
    }

    /** Claiming a task the caller already holds changes nothing; either way it is then theirs. */
    private static void claimHeld(TasksApi tasks, String taskId, String agent) throws ApiException {
        TaskSummary task = tasks.claimTask(taskId);
        assertThat(task.getAssignee()).isEqualTo(agent);
    }

    private static EffectiveLimits eur(AgentView view) {
        return view.getEffective().stream().filter(l -> "EUR".equals(l.getCurrency())).findFirst().orElseThrow();
    }

    private static BigDecimal usedInEur(AgentView view) {
        return eur(view).getUsedInWindow();
    }

    private interface Call<T> {
        T get() throws ApiException;
    }

    private static <T> T call(Call<T> call) {
        try {
            return call.get();
        } catch (ApiException e) {
            throw new AssertionError("HTTP " + e.getCode() + ": " + e.getResponseBody(), e);
        }
    }
}
