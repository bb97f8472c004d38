package io.servicerecovery.chaos;

import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.atomic.LongAdder;

/** What the clients saw: which cases the service confirmed, which flows finished, every answer that was not a success. */
final class FlowStats {

    record Confirmed(String caseId, String crm, String idempotencyKey, long confirmedAtMillis) {
    }

    final Map<String, Confirmed> confirmed = new ConcurrentHashMap<>();
    final Map<String, Long> recovered = new ConcurrentHashMap<>();
    final List<String> unfinished = new CopyOnWriteArrayList<>();
    /** Seconds from an apology's completion to the COMPENSATION task: an async email and recommendation in between. */
    final List<Double> asyncStepSeconds = new CopyOnWriteArrayList<>();
    /** The same, by the fault under way when the apology was completed. */
    final Map<String, List<Double>> asyncStepSecondsByPhase = new ConcurrentHashMap<>();
    /** The fault under way (or "warm-up", "drain"), set by the run. */
    volatile String phase = "warm-up";
    final LongAdder flowsStarted = new LongAdder();
    final LongAdder requests = new LongAdder();
    final LongAdder connectionFailures = new LongAdder();
    final LongAdder openRetries = new LongAdder();
    final LongAdder replayedOpens = new LongAdder();
    final LongAdder approvals = new LongAdder();
    final LongAdder withinEmpowerment = new LongAdder();
    /** Non-2xx answers by "endpoint status", with a sample body each. */
    final Map<String, LongAdder> answers = new ConcurrentHashMap<>();
    final Map<String, String> answerSamples = new ConcurrentHashMap<>();

    void asyncStep(String phaseAtStart, double seconds) {
        asyncStepSeconds.add(seconds);
        asyncStepSecondsByPhase.computeIfAbsent(phaseAtStart, k -> new CopyOnWriteArrayList<>()).add(seconds);
    }

    void answer(String endpoint, int status, String body) {
        String key = endpoint + " " + status;
        answers.computeIfAbsent(key, k -> new LongAdder()).increment();
        answerSamples.putIfAbsent(key, body == null ? "" : body.substring(0, Math.min(200, body.length())));
    }

    Map<String, Object> answersByEndpoint() {
        Map<String, Object> m = new TreeMap<>();
        answers.forEach((k, v) -> m.put(k, Map.of("count", v.sum(), "sample", answerSamples.getOrDefault(k, ""))));
        return m;
    }
}
