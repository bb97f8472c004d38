package io.servicerecovery.cases;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.UUID;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Event;
import jakarta.transaction.Transactional;

import io.quarkus.panache.common.Parameters;
import io.servicerecovery.common.CaseLogContext;
import io.servicerecovery.common.DomainException;
import io.servicerecovery.common.KeysetPosition;
import io.servicerecovery.common.Page;
import io.servicerecovery.common.PageRequest;
import io.servicerecovery.common.Text;
import io.servicerecovery.timeline.Timeline;
import io.servicerecovery.timeline.TimelineEntryView;
import io.servicerecovery.timeline.TimelineKind;
import io.smallrye.config.ConfigMapping;

/** Opens, finds, lists and cancels cases. */
@ApplicationScoped
public class CaseService {

    private static final org.jboss.logging.Logger LOG = org.jboss.logging.Logger.getLogger(CaseService.class);

    /** A repeat failure is where recovery stops working, so it jumps the queue. */
    static final int REPEAT_FAILURE_PRIORITY_BOOST = 10;

    private final CaseRepository cases;
    private final Timeline timeline;
    private final CaseViews views;
    private final CaseWorkflow process;
    private final Clock clock;
    private final Duration repeatFailureWindow;
    private final Event<CaseMilestone> milestones;

    public CaseService(CaseRepository cases, Timeline timeline, CaseViews views, CaseWorkflow process, Clock clock,
            Settings settings,
            Event<CaseMilestone> milestones) {
        this.cases = cases;
        this.timeline = timeline;
        this.views = views;
        this.process = process;
        this.clock = clock;
        this.repeatFailureWindow = settings.repeatFailureWindow();
        this.milestones = milestones;
    }

    /**
     * Opens a case and starts its process in one transaction: either both exist or
     * neither does.
     */
    @Transactional
    public CaseView open(String clientId, OpenCaseRequest request) {
        cases.findByExternalRef(clientId, request.externalRef()).ifPresent(existing -> {
            throw externalRefTaken(existing.id);
        });
        Instant now = clock.instant();
        RecoveryCase c = new RecoveryCase();
        c.id = UUID.randomUUID();
        c.clientId = clientId;
        c.externalRef = request.externalRef();
        c.customerId = request.customer().id();
        c.customerName = request.customer().name().strip();
        c.customerEmail = request.customer().email().strip();
        c.customerLocale = request.customer().locale();
        c.customerTier = request.customer().tier();
        c.failureStage = request.failure().stage();
        c.failureChannel = request.failure().channel();
        c.failureCategory = request.failure().category();
        c.failureDescription = request.failure().description();
        c.severity = request.failure().severity();
        c.occurredAt = request.failure().occurredAt();
        if (request.orderValue() != null) {
            c.orderAmount = request.orderValue().amount();
            c.orderCurrency = request.orderValue().currency();
        }
        c.ownerAgent = request.ownerAgent();
        c.repeatFailure = cases.hasFailureSince(clientId, c.customerId, now.minus(repeatFailureWindow));
        c.priority = Math.min(100, c.severity.basePriority() + (c.repeatFailure ? REPEAT_FAILURE_PRIORITY_BOOST : 0));
        c.status = CaseStatus.AWAITING_ACCOUNTABILITY;
        c.createdAt = now;
        c.updatedAt = now;
        cases.persist(c);
        cases.flush();

        timeline.record(c.id, TimelineKind.CASE_OPENED, clientId,
                "Case opened: " + c.failureCategory + " (" + c.severity + ")",
                details("externalRef", c.externalRef, "repeatFailure", c.repeatFailure, "priority", c.priority));
        c.processInstanceId = process.start(c);
        milestones.fire(new CaseMilestone(c.id, CaseMilestone.Kind.OPENED, c.severity));
        try (CaseLogContext log = CaseLogContext.open(c.id, c.processInstanceId)) {
            // The caller's words, escaped: a line break in them must not start a log line of its own.
            LOG.infof("Case opened by %s: %s, %s, %s%s", Text.forLog(clientId), Text.forLog(c.externalRef),
                    Text.forLog(c.failureCategory), c.severity,
                    c.repeatFailure ? " (repeat failure)" : "");
        }
        return views.justOpened(c);
    }

    public DomainException.Conflict externalRefTaken(UUID existingCaseId) {
        return DomainException.conflict(
                "This externalRef is already used by case " + existingCaseId + ".",
                Map.of("existingCaseId", existingCaseId.toString(),
                        "existingCase", "/api/cases/" + existingCaseId));
    }

    @Transactional
    public CaseView get(UUID id, Viewer viewer) {
        return views.full(visible(id, viewer));
    }

    @Transactional
    public List<TimelineEntryView> timeline(UUID id, Viewer viewer) {
        return timeline.of(visible(id, viewer).id);
    }

    @Transactional
    public Page<CaseView> list(CaseFilter filter, PageRequest page, Viewer viewer) {
        StringBuilder query = new StringBuilder("1 = 1");
        Parameters params = new Parameters();
        if (viewer.clientId() != null) {
            query.append(" and clientId = :client");
            params.and("client", viewer.clientId());
        }
        if (filter.status() != null) {
            query.append(" and status = :status");
            params.and("status", filter.status());
        }
        if (filter.customerId() != null) {
            query.append(" and customerId = :customer");
            params.and("customer", filter.customerId());
        }
        if (filter.externalRef() != null) {
            query.append(" and externalRef = :ref");
            params.and("ref", filter.externalRef());
        }
        if (page.position() != null) {
            KeysetPosition after = KeysetPosition.parse(page.position());
            query.append(" and (createdAt < :t or (createdAt = :t and id < :id))");
            params.and("t", after.at()).and("id", after.id());
        }
        query.append(" order by createdAt desc, id desc");
        List<RecoveryCase> found = cases.find(query.toString(), params).range(0, page.limit() - 1).list();
        List<CaseView> items = new ArrayList<>(found.size());
        found.forEach(c -> items.add(views.summary(c)));
        String next = null;
        if (found.size() == page.limit()) {
            RecoveryCase last = found.get(found.size() - 1);
            next = new KeysetPosition(last.createdAt, last.id).cursor();
        }
        return new Page<>(items, next);
    }

    /** The cases an agent took accountability for, most recently changed first (the console's "my recent work"). */
    @Transactional
    public List<CaseView> recentWorkOf(String agentId, int limit) {
        return cases.find("accountableAgent = ?1 order by updatedAt desc", agentId).range(0, limit - 1).list().stream()
                .map(views::full).toList();
    }

    /** Cancels a case on the CRM's request: the process ends and no task is left. */
    @Transactional
    public CaseView cancel(UUID id, String reason, Viewer viewer) {
        RecoveryCase c = visible(id, viewer);
        c = cases.lock(c.id);
        if (c.status.isClosed()) {
            throw DomainException.conflict("The case is already " + c.status + ".");
        }
        if (views.hasGrant(c.id)) {
            // The customer has been given the compensation; the case is closing as recovered.
            throw DomainException.conflict("The compensation is already granted; the case is closing as RECOVERED.");
        }
        try (CaseLogContext log = CaseLogContext.open(c.id, c.processInstanceId)) {
            process.cancel(c.id, viewer.userId(), reason);
        }
        return views.full(c);
    }

    private RecoveryCase visible(UUID id, Viewer viewer) {
        return (viewer.clientId() == null ? cases.findByIdOptional(id) : cases.findForClient(id, viewer.clientId()))
                .orElseThrow(() -> DomainException.notFound("Case " + id));
    }

    static Map<String, Object> details(Object... keyValues) {
        Map<String, Object> map = new java.util.LinkedHashMap<>();
        for (int i = 0; i < keyValues.length; i += 2) {
            if (keyValues[i + 1] != null) {
                map.put((String) keyValues[i], keyValues[i + 1]);
            }
        }
        return map;
    }

    @ConfigMapping(prefix = "recovery.cases")
    public interface Settings {
        /** A customer with another failed case within this period is a repeat failure. */
        Duration repeatFailureWindow();
    }

    /** Who looks: a CRM client sees only its own cases; staff (clientId null) see all. */
    public record Viewer(String userId, String clientId) {
        public static Viewer crm(String clientId) {
            return new Viewer(clientId, clientId);
        }

        public static Viewer staff(String userId) {
            return new Viewer(userId, null);
        }
    }
}
