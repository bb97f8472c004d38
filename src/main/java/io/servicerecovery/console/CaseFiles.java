package io.servicerecovery.console;

import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.UUID;

import jakarta.enterprise.context.ApplicationScoped;

import io.servicerecovery.cases.CaseFilter;
import io.servicerecovery.cases.CaseService;
import io.servicerecovery.cases.CaseService.Viewer;
import io.servicerecovery.cases.CaseView;
import io.servicerecovery.common.PageRequest;
import io.servicerecovery.compensation.ProposalOutcome;
import io.servicerecovery.notify.ApologyFollowUp;
import io.servicerecovery.notify.FollowUpEmail;
import io.servicerecovery.notify.SentEmail;
import io.servicerecovery.profile.StaffProfiles;
import io.servicerecovery.security.CurrentUser;
import io.servicerecovery.workflow.incidents.Incidents;
import io.servicerecovery.workflow.tasks.TaskInbox;
import io.servicerecovery.workflow.tasks.TaskDetail;
import io.servicerecovery.workflow.tasks.TaskSummary;

/** Puts together a {@link CaseFile} from the same services the REST API uses. */
@ApplicationScoped
public class CaseFiles {

    /** The root causes the accountability form offers; the API accepts any upper-case code. */
    static final String ROOT_CAUSES = "CARRIER_DELAY,WAREHOUSE_ERROR,BILLING_ERROR,PRODUCT_DEFECT,STAFF_CONDUCT,SYSTEM_OUTAGE,OTHER";

    /** The BPMN step of the follow-up email, whose incident the page words as such. */
    static final String EMAIL_STEP = "SendApologyEmail";

    private final CaseService cases;
    private final TaskInbox tasks;
    private final StaffProfiles profiles;
    private final Incidents incidents;
    private final FollowUpEmail email;
    private final ApologyFollowUp followUp;

    public CaseFiles(CaseService cases, TaskInbox tasks, StaffProfiles profiles, Incidents incidents,
            FollowUpEmail email, ApologyFollowUp followUp) {
        this.cases = cases;
        this.tasks = tasks;
        this.profiles = profiles;
        this.incidents = incidents;
        this.email = email;
        this.followUp = followUp;
    }

    /**
     * Where the case stands, as a token that changes whenever anything happens on it (its status and the length of
     * its timeline): a page that waits for someone else compares it to tell when to show the news.
     */
    public String progressOf(UUID caseId, CurrentUser user) {
        return CaseFile.progressOf(cases.get(caseId, Viewer.staff(user.id())));
    }

    /**
     * @param done       what the viewer just did, to confirm in words; null when nothing
     * @param pageLocale the page's language, in which the follow-up email's language is named
     */
    public CaseFile of(UUID caseId, CurrentUser user, Map<String, String> input, ConsoleProblem problem,
            StepDone done, Locale pageLocale) {
        Viewer staff = Viewer.staff(user.id());
        CaseView view = cases.get(caseId, staff);
        List<CaseView> earlier = view.customer().id() == null ? List.of()
                : cases.list(new CaseFilter(null, view.customer().id(), null), PageRequest.of(20, null), staff).items()
                        .stream().filter(c -> !c.id().equals(caseId)).map(c -> cases.get(c.id(), staff)).toList();
        TaskDetail task = null;
        List<TaskSummary> open = tasks.list(user, null, null, caseId, PageRequest.of(5, null)).items();
        if (!open.isEmpty()) {
            task = tasks.get(open.get(0).id(), user);
        }
        boolean mine = task != null && user.id().equals(task.task().assignee());
        String heldBy = task != null || view.status().isClosed() ? null
                : tasks.holderOfOpenTask(caseId).map(profiles::displayNameOf).orElse(null);
        boolean emailIncident = !view.status().isClosed() && incidents.list(caseId, PageRequest.of(20, null)).items()
                .stream().anyMatch(i -> EMAIL_STEP.equals(i.step()));
        String emailLanguage = languageName(email.languageFor(view.customer().locale()), pageLocale);
        SentEmail sent = view.apology() == null ? null : followUp.asSent(caseId);
        String rejectedBy = view.compensation() != null
                && view.compensation().outcome() == ProposalOutcome.REJECTED
                && view.compensation().decidedBy() != null ? profiles.displayNameOf(view.compensation().decidedBy())
                        : null;
        return new CaseFile(view, earlier, task, mine, heldBy, input, problem, ROOT_CAUSES, done, emailIncident,
                emailLanguage, sent, sent == null ? null : languageName(sent.language(), pageLocale), rejectedBy,
                namesOf(view));
    }

    /** The names people know (their profile's) for whoever acted on the case: "Lena Lindqvist", not lead-lena. */
    private Map<String, String> namesOf(CaseView view) {
        Map<String, String> names = new java.util.HashMap<>();
        if (view.timeline() != null) {
            view.timeline().forEach(e -> names.computeIfAbsent(e.actor(), profiles::displayNameOf));
        }
        return names;
    }

    /** "Swedish" on an English page, "svenska" on a Swedish one. */
    private static String languageName(String language, Locale pageLocale) {
        return Locale.forLanguageTag(language).getDisplayLanguage(pageLocale);
    }
}
