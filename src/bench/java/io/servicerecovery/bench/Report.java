package io.servicerecovery.bench;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Locale;
import java.util.Map;

/** Writes report.json and the Markdown summary report.md. */
final class Report {

    private Report() {
    }

    static void write(Settings s, Map<String, Object> report) throws Exception {
        String json = Http.JSON.writerWithDefaultPrettyPrinter().writeValueAsString(report);
        String md = markdown(report);
        Files.writeString(s.out.resolve("report.json"), json);
        Files.writeString(s.out.resolve("report.md"), md);
        if (!s.label.isEmpty()) {
            Path runs = s.out.resolve("runs");
            Files.createDirectories(runs);
            Files.writeString(runs.resolve(s.label + ".json"), json);
            Files.writeString(runs.resolve(s.label + ".md"), md);
        }
    }

    @SuppressWarnings("unchecked")
    static String markdown(Map<String, Object> r) {
        StringBuilder md = new StringBuilder();
        Map<String, Object> settings = (Map<String, Object>) r.get("settings");
        Map<String, Object> machine = (Map<String, Object>) r.get("machine");
        Map<String, Object> sum = (Map<String, Object>) r.get("summary");
        Map<String, Object> phases = (Map<String, Object>) r.get("phases");
        Map<String, Object> baseline = (Map<String, Object>) r.get("baseline");
        Map<String, Object> service = (Map<String, Object>) r.get("service");
        Map<String, Object> database = (Map<String, Object>) r.get("database");
        Map<String, Object> closed = (Map<String, Object>) phases.get("closedLoop");
        Map<String, Object> open = (Map<String, Object>) phases.get("openLoop");

        md.append("# Benchmark report").append(settings.containsKey("label") ? ": " + settings.get("label") : "")
                .append("\n\n");
        md.append("Generated ").append(r.get("generatedAt")).append(" by `bash src/bench/run.sh`.\n\n");
        md.append("**Machine:** ").append(machine.get("cores")).append(" cores (").append(machine.get("cpu"))
                .append("), ").append(machine.get("memoryGiB")).append(" GiB, ").append(machine.get("jdk"))
                .append(", ").append(machine.get("os")).append(", load average at start ")
                .append(machine.get("loadAverageAtStart")).append(", at the end ").append(machine.get("loadAverageAtEnd"))
                .append(" (other builds and tests on the machine make the figures noisier; see \"other processes\" in the CPU lines).\n\n");
        md.append("**Settings:** database ").append(settings.get("db")).append(", mode ").append(settings.get("mode"))
                .append(", closed-loop concurrency ").append(settings.get("concurrency"))
                .append(", open-loop rate ").append(settings.get("rate")).append(" flows/s, warm-up ")
                .append(settings.get("warmupSeconds")).append(" s (open loop after closed loop: ")
                .append(settings.get("openWarmupSeconds")).append(" s), measured ")
                .append(settings.get("durationSeconds")).append(" s per phase, ").append(settings.get("agents"))
                .append(" agents, ").append(settings.get("crmClients")).append(" CRM clients, the COMPENSATION task awaited ")
                .append("with the task list's wait, the case's status polled every ")
                .append(settings.get("pollMillis")).append(" ms, ").append(settings.get("seededRecentApologies"))
                .append(" recent apologies seeded, service JVM `").append(settings.get("serviceJvmOpts"))
                .append("`").append(Boolean.TRUE.equals(settings.get("serviceAppCds")) ? " with AppCDS" : "").append(".\n\n");
        Map<String, Object> overrides = (Map<String, Object>) r.get("serviceEnvironmentOverrides");
        md.append("**Service overrides from the environment:** ")
                .append(overrides == null || overrides.isEmpty() ? "none (application.properties as committed)"
                        : overrides.entrySet().stream().map(e -> "`" + e.getKey() + "=" + e.getValue() + "`")
                                .reduce((a, b) -> a + ", " + b).orElse(""))
                .append(".\n\n");

        md.append("## Summary\n\n| figure | value |\n|---|---|\n");
        if (closed != null) {
            row(md, "Completed flows/s, closed loop (" + settings.get("concurrency") + " concurrent)", sum.get("closedLoopFlowsPerSecond"));
        }
        if (open != null) {
            row(md, "Completed flows/s, open loop (offered " + settings.get("rate") + "/s)", sum.get("openLoopFlowsPerSecond"));
        }
        if (baseline != null) {
            row(md, "Bare engine flows/s (" + settings.get("concurrency") + " concurrent)", sum.get("bareEngineFlowsPerSecond"));
            row(md, "**Ratio service / bare engine** (closed loop)", sum.get("ratioServiceToBareEngine"));
        }
        if (open != null) {
            row(md, "p99 `POST /api/cases`, open loop (ms)", sum.get("openLoopP99OpenCaseMs"));
            row(md, "p99 complete COMPENSATION within limits, open loop (ms)", sum.get("openLoopP99CompleteCompensationMs"));
        }
        if (closed != null) {
            row(md, "p99 `POST /api/cases`, closed loop (ms)", sum.get("closedLoopP99OpenCaseMs"));
            row(md, "p99 complete COMPENSATION within limits, closed loop (ms)", sum.get("closedLoopP99CompleteCompensationMs"));
        }
        row(md, "Errors (all phases, warm-up included)", sum.get("errors"));
        row(md, "**Start to ready on an existing database** (ms)", sum.get("timeToReadyMillis"));
        row(md, "Service resident memory at ready, existing database (MiB)", sum.get("rssMiBAtReady"));
        row(md, "Start to ready on a new database: schema created, models deployed (ms)", sum.get("timeToReadyNewDatabaseMillis"));
        row(md, "Service resident memory after the run (MiB)", sum.get("rssMiBAfterRun")
                + " (peak " + Math.round(((Number) service.get("peakRssKb")).longValue() / 1024.0) + ")");
        row(md, "Rows per case: service tables / engine ACT_* tables", sum.get("serviceRowsPerCase") + " / "
                + sum.get("engineRowsPerCase"));
        md.append('\n');

        if (closed != null) {
            phase(md, "Closed loop", closed);
        }
        if (open != null) {
            phase(md, "Open loop", open);
            md.append("Open-loop latencies count from the moment each flow was due, so time spent queued in the load"
                    + " generator counts (coordinated omission). Most arrivals queued at once: ")
                    .append(open.get("maxQueuedArrivals")).append(".\n\n");
        }
        if (baseline != null) {
            md.append("## Bare engine baseline\n\nThe same BPMN in-process through the Camunda Java API on database `")
                    .append(settings.get("baselineDatabase")).append("`, no-op delegates except the recommendation (the same decision table, evaluated by the service's FEEL engine), the service's engine settings ")
                    .append(baseline.get("engineSettings")).append(". Engine start ")
                    .append(baseline.get("engineStartMillis")).append(" ms; ")
                    .append(baseline.get("flowsCompletedInWindow")).append(" flows completed in the window, ")
                    .append(baseline.get("errors")).append(" errors; resident memory after the run ")
                    .append(Math.round(((Number) baseline.get("rssKbAfterRun")).longValue() / 1024.0)).append(" MiB.\n\n");
            latencies(md, (Map<String, Object>) baseline.get("latencies"));
            cpu(md, (Map<String, Object>) baseline.get("cpu"));
            Map<String, Object> rows = (Map<String, Object>) baseline.get("rowsPerFlow");
            md.append("Engine rows per flow: ").append(rows.get("engineRowsPerCase")).append(".\n\n");
        }

        md.append("## Database rows per case\n\n").append(database.get("cases")).append(" cases; by status ")
                .append(database.get("casesByStatus")).append("; emails received by the SMTP sink: ")
                .append(database.get("emailsReceivedBySmtpSink"));
        if (database.get("databaseBytesPerCase") != null) {
            md.append("; database growth ").append(database.get("databaseBytesPerCase")).append(" bytes per case");
        }
        Map<String, Object> bareTables = baseline == null ? Map.of()
                : (Map<String, Object>) ((Map<String, Object>) baseline.get("rowsPerFlow")).get("engineTables");
        md.append(".\n\n| table | rows added | per case | bare engine, per flow |\n|---|---:|---:|---:|\n");
        java.util.Set<String> engineNames = new java.util.TreeSet<>(((Map<String, Object>) database.get("engineTables")).keySet());
        engineNames.addAll(bareTables.keySet());
        ((Map<String, Object>) database.get("serviceTables")).forEach((table, v) -> {
            Map<String, Object> t = (Map<String, Object>) v;
            md.append("| ").append(table).append(" | ").append(t.get("rowsAdded")).append(" | ").append(t.get("perCase"))
                    .append(" | |\n");
        });
        Map<String, Object> engineTables = (Map<String, Object>) database.get("engineTables");
        for (String table : engineNames) {
            Map<String, Object> t = (Map<String, Object>) engineTables.get(table);
            Map<String, Object> b = (Map<String, Object>) bareTables.get(table);
            md.append("| ").append(table).append(" | ").append(t == null ? 0 : t.get("rowsAdded")).append(" | ")
                    .append(t == null ? 0 : t.get("perCase")).append(" | ").append(b == null ? (baseline == null ? "" : 0) : b.get("perCase"))
                    .append(" |\n");
        }
        md.append("| **service tables** | | **").append(database.get("serviceRowsPerCase")).append("** | |\n");
        md.append("| **engine ACT_* tables** | | **").append(database.get("engineRowsPerCase")).append("** | **")
                .append(baseline == null ? "" : ((Map<String, Object>) baseline.get("rowsPerFlow")).get("engineRowsPerCase"))
                .append("** |\n\n");
        if (baseline != null) {
            md.append("The bare engine evaluates the same decision (its ACT_HI_DEC_* rows), but its other delegates"
                    + " are no-ops, and its task listener sets no priority or due date.\n\n");
        }

        Map<String, Object> first = (Map<String, Object>) service.get("newDatabase");
        md.append("## Service\n\nStarted twice, the wall time from the JVM's launch to /q/health/ready UP (on the management port; the engine"
                + " built, the models deployed, the job executor running, the datasource reachable):\n\n")
                .append("| start | ms to ready | Quarkus \"started in\" s | CPU ms to ready | MiB resident at ready | log |\n")
                .append("|---|---:|---:|---:|---:|---|\n");
        startRow(md, "new database (creates the schema, deploys the models), then stopped with SIGTERM (exit status "
                + first.get("exitStatusAfterSigterm") + "; 143 is a clean stop on the signal)", first);
        startRow(md, "**existing database** (the one the first start left), then the load", service);
        md.append("\nAppCDS: ").append(Boolean.TRUE.equals(settings.get("serviceAppCds"))
                ? "the first start wrote the class archive when it stopped (the training start, as in the image build);"
                        + " the second start " + (Boolean.TRUE.equals(service.get("appCdsArchiveMapped")) ? "mapped it" : "**did not map it**")
                : "off (`--appcds false`)").append(".");
        md.append(" The second start: ").append(kbToMib(service.get("rssKbAfterRun")))
                .append(" MiB resident after the run, peak ").append(kbToMib(service.get("peakRssKb"))).append(" MiB.\n\n");
        List<String> notes = (List<String>) r.get("notes");
        if (notes != null && !notes.isEmpty()) {
            md.append("## Notes\n\n");
            notes.forEach(n -> md.append("- ").append(n).append('\n'));
            md.append('\n');
        }
        return md.toString();
    }

    @SuppressWarnings("unchecked")
    private static void phase(StringBuilder md, String title, Map<String, Object> p) {
        md.append("## ").append(title).append("\n\n").append(p.get("flowsCompletedInWindow"))
                .append(" flows completed in ").append(p.get("windowSeconds")).append(" s = **")
                .append(p.get("flowsPerSecond")).append(" flows/s**; ").append(p.get("requestsPerSecond"))
                .append(" requests/s; ").append(p.get("pollsPerFlow")).append(" polls per flow; errors ")
                .append(p.get("errors")).append(" (").append(p.get("flowsFailed")).append(" flows failed).\n\n");
        latencies(md, (Map<String, Object>) p.get("latencies"));
        cpu(md, (Map<String, Object>) p.get("cpu"));
        Map<String, List<String>> slowest = (Map<String, List<String>>) p.get("slowestRequests");
        if (slowest != null && (slowest.containsKey(RecoveryFlow.OPEN) || slowest.containsKey(RecoveryFlow.COMPLETE_COMPENSATION))) {
            md.append("Slowest requests of the goals, with when they started (seconds into the window, which began at ")
                    .append(p.get("windowStartedAt")).append("): whether a tail is one burst or spread out.\n\n");
            for (String endpoint : List.of(RecoveryFlow.OPEN, RecoveryFlow.COMPLETE_COMPENSATION)) {
                if (slowest.containsKey(endpoint)) {
                    md.append("- `").append(endpoint).append("`: ").append(String.join(", ", slowest.get(endpoint)))
                            .append('\n');
                }
            }
            md.append('\n');
        }
        List<String> samples = (List<String>) p.get("errorSamples");
        if (samples != null && !samples.isEmpty()) {
            md.append("First errors:\n\n");
            samples.forEach(e -> md.append("- `").append(e.replace('`', '\'')).append("`\n"));
            md.append('\n');
        }
    }

    @SuppressWarnings("unchecked")
    private static void latencies(StringBuilder md, Map<String, Object> table) {
        md.append("| endpoint | count | p50 ms | p95 ms | p99 ms | max ms | errors |\n|---|---:|---:|---:|---:|---:|---:|\n");
        table.forEach((k, v) -> {
            Map<String, Object> e = (Map<String, Object>) v;
            md.append("| ").append(k.startsWith("wait") || k.startsWith("flow") ? "_" + k + "_" : "`" + k + "`")
                    .append(" | ").append(e.get("count")).append(" | ").append(fmt(e.get("p50Ms"))).append(" | ")
                    .append(fmt(e.get("p95Ms"))).append(" | ").append(fmt(e.get("p99Ms"))).append(" | ")
                    .append(fmt(e.get("maxMs"))).append(" | ").append(e.get("errors")).append(" |\n");
        });
        md.append('\n');
    }

    @SuppressWarnings("unchecked")
    private static void cpu(StringBuilder md, Map<String, Object> cpu) {
        if (cpu == null || cpu.isEmpty()) {
            return;
        }
        md.append("CPU in the window: ");
        StringBuilder parts = new StringBuilder();
        cpu.forEach((who, v) -> {
            Map<String, Object> c = (Map<String, Object>) v;
            if (!parts.isEmpty()) {
                parts.append("; ");
            }
            parts.append(who).append(" ").append(c.get("coresBusy")).append(" cores busy, ")
                    .append(c.get("cpuMsPerFlow")).append(" CPU ms per flow");
        });
        md.append(parts).append(".\n\n");
    }

    private static String fmt(Object v) {
        if (v == null) {
            return "";
        }
        double d = ((Number) v).doubleValue();
        return d >= 100 ? String.format(Locale.ROOT, "%.0f", d) : String.format(Locale.ROOT, "%.1f", d);
    }

    private static String kbToMib(Object kb) {
        return kb == null ? "?" : Long.toString(Math.round(((Number) kb).longValue() / 1024.0));
    }

    private static void startRow(StringBuilder md, String name, Map<String, Object> start) {
        md.append("| ").append(name).append(" | ").append(start.get("timeToReadyMillis")).append(" | ")
                .append(start.get("quarkusStartedInSeconds")).append(" | ").append(start.get("cpuMillisToReady"))
                .append(" | ").append(kbToMib(start.get("rssKbAtReady"))).append(" | `").append(start.get("log"))
                .append("` |\n");
    }

    private static void row(StringBuilder md, String name, Object value) {
        md.append("| ").append(name).append(" | ").append(value).append(" |\n");
    }
}
