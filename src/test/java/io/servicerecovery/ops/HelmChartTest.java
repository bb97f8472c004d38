package io.servicerecovery.ops;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.catchThrowable;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.stream.Collectors;
import java.util.stream.Stream;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;
import org.yaml.snakeyaml.Yaml;

import com.marcnuri.helm.Helm;
import com.marcnuri.helm.LintResult;
import com.marcnuri.helm.TemplateCommand;

/**
 * The Helm chart in helm/service-recovery, linted and rendered in process by helm-java
 * (no helm binary, no cluster). A plain JUnit test: it starts no Quarkus application.
 */
class HelmChartTest {

    private static final Path CHART = Path.of("helm", "service-recovery");
    private static final Path PRODUCTION_VALUES = CHART.resolve("values-production.example.yaml");
    private static final Path INVALID_VALUES = Path.of("src", "test", "resources", "helm", "invalid");
    private static final String EXPECT_ERROR = "# expect-error:";
    private static final String RELEASE = "recovery";
    private static final String FULLNAME = "recovery-service-recovery";

    /** The chart rendered with its default values, once per test run. */
    private static Rendered defaults;

    private static synchronized Rendered defaults() {
        if (defaults == null) {
            defaults = render(template());
        }
        return defaults;
    }

    // ------------------------------------------------------------------ lint

    @Test
    void theChartLintsCleanInStrictMode() {
        LintResult result = new Helm(CHART).lint().strict().call();

        assertThat(result.isFailed()).as("helm lint --strict failed: %s", result.getMessages()).isFalse();
        assertThat(result.getMessages())
                .as("lint warnings and errors")
                .noneMatch(message -> message.contains("[WARNING]") || message.contains("[ERROR]"));
    }

    // ------------------------------------------------------------------ replicas and autoscaling

    @Test
    void byDefaultTheHpaScalesTheDeploymentBetweenTwoAndSixPodsOnCpu() {
        Map<String, Object> hpa = defaults().single("HorizontalPodAutoscaler");
        assertThat(hpa.get("apiVersion")).isEqualTo("autoscaling/v2");
        Map<String, Object> spec = map(hpa, "spec");
        assertThat(map(spec, "scaleTargetRef"))
                .containsEntry("apiVersion", "apps/v1")
                .containsEntry("kind", "Deployment")
                .containsEntry("name", FULLNAME);
        assertThat(spec).containsEntry("minReplicas", 2).containsEntry("maxReplicas", 6);
        List<Object> metrics = list(spec, "metrics");
        assertThat(metrics).hasSize(1);
        Map<String, Object> metric = cast(metrics.get(0));
        assertThat(metric).containsEntry("type", "Resource");
        assertThat(map(metric, "resource")).containsEntry("name", "cpu");
        assertThat(map(metric, "resource", "target")).containsEntry("type", "Utilization")
                .containsEntry("averageUtilization", 70);

        assertThat(map(defaults().single("Deployment"), "spec"))
                .as("with the HPA enabled the Deployment leaves replicas to the HPA")
                .doesNotContainKey("replicas");
    }

    @Test
    void withoutTheHpaTheDeploymentRunsTwoReplicas() {
        Rendered rendered = render(template().set("autoscaling.enabled", "false"));

        assertThat(rendered.all("HorizontalPodAutoscaler")).isEmpty();
        assertThat(map(rendered.single("Deployment"), "spec")).containsEntry("replicas", 2);
    }

    // ------------------------------------------------------------------ container

    @Test
    void theContainerServesHttpOnPort8080AndHealthAndMetricsOnPort9000InTheProdProfile() {
        Map<String, Object> container = defaults().container();

        assertThat(container.get("image")).isEqualTo("registry.example.com/service-recovery/service-recovery:0.1.0");
        assertThat(container.get("imagePullPolicy")).isEqualTo("IfNotPresent");
        assertThat(list(container, "ports")).containsExactly(
                Map.of("name", "http", "containerPort", 8080, "protocol", "TCP"),
                Map.of("name", "management", "containerPort", 9000, "protocol", "TCP"));
        Map<String, Object> env = env(container);
        assertThat(env.get("QUARKUS_PROFILE")).isEqualTo("prod");
        assertThat((String) env.get("JAVA_OPTS_APPEND")).contains("-XX:MaxRAMPercentage=25", "-Xss512k",
                "-XX:+UseSerialGC", "-XX:MetaspaceSize=64m", "-XX:MaxMetaspaceSize=192m", "-XX:ReservedCodeCacheSize=64m", "-XX:TieredStopAtLevel=1");
        assertThat(env.get("APPCDS")).as("the image's entrypoint uses its AppCDS archive").isEqualTo("true");
        assertThat(list(container, "envFrom")).containsExactly(
                Map.of("configMapRef", Map.of("name", FULLNAME)));
        assertThat(map(container, "resources")).isEqualTo(Map.of(
                "requests", Map.of("cpu", "500m", "memory", "512Mi"),
                "limits", Map.of("cpu", "2", "memory", "1Gi")));

        Map<String, Object> podSpec = defaults().podSpec();
        assertThat(podSpec).containsEntry("terminationGracePeriodSeconds", 30)
                .containsEntry("serviceAccountName", FULLNAME)
                .containsEntry("automountServiceAccountToken", false);
        assertThat(defaults().single("ServiceAccount")).containsEntry("automountServiceAccountToken", false);
    }

    @Test
    void theAppCdsArchiveCanBeTurnedOff() {
        assertThat(env(render(template().set("jvm.appCds", "false")).container()).get("APPCDS")).isEqualTo("false");
    }

    @Test
    void theImageTagFollowsTheValuesAndADigestWinsOverIt() {
        String digest = "sha256:" + "a".repeat(64);
        assertThat(render(template().set("image.tag", "1.2.3")).container().get("image"))
                .isEqualTo("registry.example.com/service-recovery/service-recovery:1.2.3");
        assertThat(render(template().set("image.digest", digest)).container().get("image"))
                .isEqualTo("registry.example.com/service-recovery/service-recovery@" + digest);
    }

    @Test
    void theThreeProbesCheckTheQuarkusHealthEndpointsOnTheManagementPort() {
        Map<String, Object> container = defaults().container();

        // /q/health on the port http answers 404: Quarkus serves it on the management interface only
        assertThat(map(container, "startupProbe", "httpGet"))
                .containsEntry("path", "/q/health/started").containsEntry("port", "management");
        assertThat(map(container, "livenessProbe", "httpGet"))
                .containsEntry("path", "/q/health/live").containsEntry("port", "management");
        assertThat(map(container, "readinessProbe", "httpGet"))
                .containsEntry("path", "/q/health/ready").containsEntry("port", "management");

        // the startup probe gives a JVM that starts in ~10 s ample time, liveness then reacts within a minute
        Map<String, Object> startup = map(container, "startupProbe");
        int startupBudget = (int) startup.get("initialDelaySeconds")
                + (int) startup.get("periodSeconds") * (int) startup.get("failureThreshold");
        assertThat(startupBudget).isBetween(60, 300);
        Map<String, Object> liveness = map(container, "livenessProbe");
        assertThat((int) liveness.get("periodSeconds") * (int) liveness.get("failureThreshold")).isBetween(10, 60);
        assertThat(map(container, "readinessProbe")).containsEntry("periodSeconds", 5);
    }

    @Test
    void thePodRunsWithTheRestrictedSecurityContextAndAWritableTmp() {
        Map<String, Object> podSpec = defaults().podSpec();
        assertThat(map(podSpec, "securityContext"))
                .containsEntry("runAsNonRoot", true)
                .containsEntry("runAsUser", 185)
                .containsEntry("fsGroup", 185)
                .containsEntry("seccompProfile", Map.of("type", "RuntimeDefault"));

        Map<String, Object> container = defaults().container();
        assertThat(map(container, "securityContext"))
                .containsEntry("allowPrivilegeEscalation", false)
                .containsEntry("readOnlyRootFilesystem", true)
                .containsEntry("capabilities", Map.of("drop", List.of("ALL")));

        Map<String, Object> tmpMount = byName(list(container, "volumeMounts"), "tmp");
        assertThat(tmpMount).containsEntry("mountPath", "/tmp");
        Map<String, Object> tmpVolume = byName(list(podSpec, "volumes"), "tmp");
        assertThat(tmpVolume).containsKey("emptyDir");
    }

    // ------------------------------------------------------------------ configuration and secrets

    @Test
    void theConfigMapCarriesTheNonSecretSettingsAndItsChecksumRollsThePods() {
        Map<String, Object> data = map(defaults().single("ConfigMap"), "data");
        assertThat(data).containsKeys("DB_URL", "SMTP_HOST", "SMTP_PORT", "SMTP_START_TLS", "MAIL_FROM",
                "MAIL_REPLY_TO", "JWT_ISSUER", "JWT_AUDIENCE");
        assertThat(data)
                .containsEntry("DB_POOL_MAX_SIZE", "20")
                .containsEntry("RECOVERY_ENGINE_JOB_EXECUTOR_POOL_SIZE", "8")
                .containsEntry("RECOVERY_ENGINE_JOB_EXECUTOR_QUEUE_SIZE", "64")
                .containsEntry("RECOVERY_ENGINE_JOB_EXECUTOR_MAX_JOBS_PER_ACQUISITION", "16")
                .containsEntry("MAIL_RETRY_CYCLE", "R5/PT1M")
                .containsEntry("MAIL_SEND_TIMEOUT", "PT30S")
                .containsEntry("CASE_CREATION_PER_MINUTE", "600")
                .containsEntry("MAIL_CONNECT_TIMEOUT", "PT10S")
                .containsEntry("MAIL_IDLE_TIMEOUT", "PT20S")
                .containsEntry("WEBHOOK_RETENTION", "P3D")
                .containsEntry("WEBHOOK_FAILED_RETENTION", "P30D")
                .containsEntry("WEBHOOK_MAX_SUBSCRIPTIONS", "25")
                .containsEntry("RECOVERY_REPORTS_PARALLEL_QUERIES", "3")
                .containsEntry("HISTORY_CLEANUP_START", "01:00")
                .containsEntry("HISTORY_CLEANUP_END", "05:00")
                .doesNotContainKey("BOOTSTRAP_DIRECTOR");
        assertThat(data.keySet()).as("no credential in the ConfigMap")
                .noneMatch(key -> key.contains("PASSWORD") || key.contains("USERNAME") || key.contains("SECRET"));

        String checksum = (String) map(defaults().single("Deployment"), "spec", "template", "metadata", "annotations")
                .get("checksum/config");
        assertThat(checksum).matches("[0-9a-f]{64}");
        String changed = (String) map(render(template().set("config.jobExecutor.maxPoolSize", "12"))
                .single("Deployment"), "spec", "template", "metadata", "annotations").get("checksum/config");
        assertThat(changed).as("a changed setting changes the pod template").isNotEqualTo(checksum);
    }

    @Test
    void credentialsComeOnlyFromReferencesToExistingSecrets() {
        assertThat(defaults().kinds()).doesNotContain("Secret");

        Map<String, Object> container = defaults().container();
        Map<String, Map<String, Object>> envVars = envVars(container);
        assertThat(secretRef(envVars, "DB_USERNAME")).isEqualTo(Map.of("name", "service-recovery-db", "key", "username"));
        assertThat(secretRef(envVars, "DB_PASSWORD")).isEqualTo(Map.of("name", "service-recovery-db", "key", "password"));
        assertThat(secretRef(envVars, "SMTP_USERNAME")).isEqualTo(Map.of("name", "service-recovery-smtp", "key", "username"));
        assertThat(secretRef(envVars, "SMTP_PASSWORD")).isEqualTo(Map.of("name", "service-recovery-smtp", "key", "password"));
        assertThat(envVars).as("the webhook key is optional and unset by default").doesNotContainKey("WEBHOOK_SECRETS_KEY");
        envVars.forEach((name, envVar) -> {
            if (name.matches(".*(PASSWORD|USERNAME|SECRET).*")) {
                assertThat(envVar).as(name).doesNotContainKey("value").containsKey("valueFrom");
            }
        });

        // the JWT public key is a file from a Secret, and the service is told where it is
        assertThat(env(container).get("JWT_PUBLIC_KEY_LOCATION")).isEqualTo("file:/etc/service-recovery/jwt/publicKey.pem");
        assertThat(byName(list(container, "volumeMounts"), "jwt-public-key"))
                .containsEntry("mountPath", "/etc/service-recovery/jwt").containsEntry("readOnly", true);
        Map<String, Object> jwtSecret = map(byName(list(defaults().podSpec(), "volumes"), "jwt-public-key"), "secret");
        assertThat(jwtSecret).containsEntry("secretName", "service-recovery-jwt");
        assertThat(list(jwtSecret, "items")).containsExactly(Map.of("key", "publicKey.pem", "path", "publicKey.pem"));

        assertThat(defaults().yaml()).doesNotContainIgnoringCase("stringData").doesNotContain("BEGIN PUBLIC KEY");
    }

    @Test
    void theWebhookKeyAndSmtpCredentialsFollowTheirSecretReferences() {
        Rendered rendered = render(template()
                .set("secrets.webhook.existingSecret", "recovery-webhooks")
                .set("secrets.smtp.existingSecret", ""));
        Map<String, Map<String, Object>> envVars = envVars(rendered.container());

        assertThat(secretRef(envVars, "WEBHOOK_SECRETS_KEY")).isEqualTo(Map.of("name", "recovery-webhooks", "key", "secrets-key"));
        assertThat(envVars).as("an SMTP server without authentication").doesNotContainKeys("SMTP_USERNAME", "SMTP_PASSWORD");
    }

    @Test
    void theConsolesOpenIdConnectSignInIsOffByDefaultAndTakesItsClientSecretFromASecret() {
        assertThat(map(defaults().single("ConfigMap"), "data")).containsEntry("OIDC_ENABLED", "false")
                .doesNotContainKeys("OIDC_AUTH_SERVER_URL", "OIDC_CLIENT_ID");
        assertThat(envVars(defaults().container())).doesNotContainKey("OIDC_CLIENT_SECRET");

        Rendered rendered = render(template()
                .set("config.oidc.enabled", "true")
                .set("config.oidc.authServerUrl", "https://login.example.com/realms/care")
                .set("config.oidc.rolesClaim", "realm_access/roles")
                .set("secrets.oidc.existingSecret", "service-recovery-oidc"));
        assertThat(map(rendered.single("ConfigMap"), "data"))
                .containsEntry("OIDC_ENABLED", "true")
                .containsEntry("OIDC_AUTH_SERVER_URL", "https://login.example.com/realms/care")
                .containsEntry("OIDC_CLIENT_ID", "service-recovery-console")
                .containsEntry("OIDC_ROLES_CLAIM", "realm_access/roles")
                .doesNotContainKey("OIDC_PRINCIPAL_CLAIM");
        assertThat(secretRef(envVars(rendered.container()), "OIDC_CLIENT_SECRET"))
                .isEqualTo(Map.of("name", "service-recovery-oidc", "key", "client-secret"));
        // the console's keys, which production refuses to start without
        assertThat(secretRef(envVars(rendered.container()), "CONSOLE_SESSION_KEY"))
                .isEqualTo(Map.of("name", "service-recovery-oidc", "key", "session-key"));
        assertThat(secretRef(envVars(rendered.container()), "CONSOLE_CSRF_KEY"))
                .isEqualTo(Map.of("name", "service-recovery-oidc", "key", "csrf-key"));
    }

    // ------------------------------------------------------------------ availability

    @Test
    void aPodDisruptionBudgetKeepsTheServiceUpDuringNodeDrains() {
        Map<String, Object> pdb = defaults().single("PodDisruptionBudget");
        assertThat(pdb.get("apiVersion")).isEqualTo("policy/v1");
        assertThat(map(pdb, "spec")).containsEntry("maxUnavailable", 1);
        Map<String, Object> podLabels = map(defaults().single("Deployment"), "spec", "template", "metadata", "labels");
        assertThat(podLabels).containsAllEntriesOf(map(pdb, "spec", "selector", "matchLabels"));
    }

    @Test
    void podsSpreadAcrossNodesWithoutBlockingScheduling() {
        List<Object> constraints = list(defaults().podSpec(), "topologySpreadConstraints");
        assertThat(constraints).hasSize(1);
        Map<String, Object> constraint = cast(constraints.get(0));
        assertThat(constraint)
                .containsEntry("topologyKey", "kubernetes.io/hostname")
                .containsEntry("whenUnsatisfiable", "ScheduleAnyway")
                .containsEntry("maxSkew", 1);
        assertThat(map(constraint, "labelSelector", "matchLabels"))
                .containsEntry("app.kubernetes.io/name", "service-recovery")
                .containsEntry("app.kubernetes.io/instance", RELEASE);
    }

    @Test
    void theServiceExposesPortHttpToThePodsAndNotTheManagementPort() {
        Map<String, Object> spec = map(defaults().single("Service"), "spec");
        assertThat(spec).containsEntry("type", "ClusterIP");
        assertThat(list(spec, "ports")).containsExactly(
                Map.of("name", "http", "port", 8080, "targetPort", "http", "protocol", "TCP"));
        assertThat(map(defaults().single("Deployment"), "spec", "template", "metadata", "labels"))
                .containsAllEntriesOf(map(spec, "selector"));
    }

    @Test
    void everyResourceCarriesTheStandardLabels() {
        assertThat(defaults().documents()).isNotEmpty().allSatisfy(document -> assertThat(map(document, "metadata", "labels"))
                .as("labels of %s", document.get("kind"))
                .containsEntry("app.kubernetes.io/name", "service-recovery")
                .containsEntry("app.kubernetes.io/instance", RELEASE)
                .containsEntry("app.kubernetes.io/version", "0.1.0")
                .containsEntry("app.kubernetes.io/managed-by", "Helm")
                .containsEntry("helm.sh/chart", "service-recovery-0.1.0"));
    }

    @Test
    void theServiceMonitorIsOffByDefaultAndScrapesQuarkusMetricsOnTheManagementPortWhenEnabled() {
        assertThat(defaults().all("ServiceMonitor")).isEmpty();
        assertThat(defaults().all("Service")).as("no management Service without the ServiceMonitor").hasSize(1);

        // a public main Service must not take the management port (no authentication) with it
        Rendered rendered = render(template().set("metrics.serviceMonitor.enabled", "true").set("service.type", "LoadBalancer"));
        Map<String, Object> monitor = rendered.single("ServiceMonitor");
        assertThat(monitor.get("apiVersion")).isEqualTo("monitoring.coreos.com/v1");
        assertThat(list(monitor, "spec", "endpoints")).containsExactly(Map.of(
                "port", "management", "path", "/q/metrics", "scheme", "http", "interval", "30s", "scrapeTimeout", "10s"));

        Map<String, Map<String, Object>> services = rendered.all("Service").stream().collect(Collectors.toMap(
                service -> (String) map(service, "metadata").get("name"), service -> map(service, "spec")));
        assertThat(services).containsOnlyKeys(FULLNAME, FULLNAME + "-management");
        assertThat(list(services.get(FULLNAME), "ports")).extracting(port -> cast(port).get("name")).containsExactly("http");
        Map<String, Object> management = services.get(FULLNAME + "-management");
        assertThat(management).containsEntry("type", "ClusterIP");
        assertThat(list(management, "ports")).containsExactly(
                Map.of("name", "management", "port", 9000, "targetPort", "management", "protocol", "TCP"));
        assertThat(map(monitor, "spec", "selector", "matchLabels")).isEqualTo(map(management, "selector"));
    }

    @Test
    void prometheusScrapeAnnotationsOnThePodsNameTheManagementPortWhenAskedFor() {
        Map<String, Object> defaultAnnotations = map(defaults().single("Deployment"), "spec", "template", "metadata", "annotations");
        assertThat(defaultAnnotations).doesNotContainKeys("prometheus.io/scrape", "prometheus.io/port", "prometheus.io/path");

        Map<String, Object> annotations = map(render(template().set("metrics.scrapeAnnotations", "true")).single("Deployment"),
                "spec", "template", "metadata", "annotations");
        assertThat(annotations).containsEntry("prometheus.io/scrape", "true").containsEntry("prometheus.io/port", "9000")
                .containsEntry("prometheus.io/path", "/q/metrics");
    }

    // ------------------------------------------------------------------ production example

    @Test
    void theExampleProductionValuesRender() {
        Rendered production = render(template().withValuesFile(PRODUCTION_VALUES));

        assertThat(production.kinds()).contains("Deployment", "Service", "ConfigMap", "ServiceAccount",
                "PodDisruptionBudget", "HorizontalPodAutoscaler", "ServiceMonitor").doesNotContain("Secret");
        assertThat(map(production.single("HorizontalPodAutoscaler"), "spec"))
                .containsEntry("minReplicas", 3).containsEntry("maxReplicas", 6);
        Map<String, Object> container = production.container();
        assertThat(container.get("image")).isEqualTo("registry.example.com/customer-care/service-recovery:0.1.0");
        assertThat(secretRef(envVars(container), "WEBHOOK_SECRETS_KEY"))
                .isEqualTo(Map.of("name", "service-recovery-webhook", "key", "secrets-key"));
        assertThat(list(production.podSpec(), "topologySpreadConstraints")).hasSize(2);
        assertThat(map(production.single("ConfigMap"), "data")).containsEntry("DB_POOL_MAX_SIZE", "15")
                .containsEntry("OIDC_ENABLED", "true");
        assertThat(secretRef(envVars(container), "OIDC_CLIENT_SECRET"))
                .isEqualTo(Map.of("name", "service-recovery-oidc", "key", "client-secret"));
    }

    // ------------------------------------------------------------------ invalid values

    static Stream<Path> invalidValuesFiles() throws IOException {
        try (Stream<Path> files = Files.list(INVALID_VALUES)) {
            return files.filter(file -> file.toString().endsWith(".yaml")).sorted().collect(Collectors.toList()).stream();
        }
    }

    @Test
    void thereAreAtLeastFiveInvalidValuesFiles() throws IOException {
        assertThat(invalidValuesFiles()).hasSizeGreaterThanOrEqualTo(5);
    }

    @ParameterizedTest(name = "{0} is rejected")
    @MethodSource("invalidValuesFiles")
    void invalidValuesAreRejectedNamingTheOffendingField(Path file) throws IOException {
        String expected = Files.readAllLines(file).stream()
                .filter(line -> line.startsWith(EXPECT_ERROR))
                .map(line -> line.substring(EXPECT_ERROR.length()).trim())
                .findFirst()
                .orElseThrow(() -> new AssertionError(file + " has no '" + EXPECT_ERROR + " <message part>' line"));

        Throwable failure = catchThrowable(() -> template().withValuesFile(file).call());

        assertThat(failure).as("%s renders although it is invalid", file).isNotNull();
        assertThat(failure.getMessage()).contains(expected);
    }

    @Test
    void aValueOfTheWrongTypeSetOnTheCommandLineIsRejectedToo() {
        assertThatThrownBy(() -> template().set("service.port", "http").call())
                .hasMessageContaining("/service/port");
    }

    // ------------------------------------------------------------------ helpers

    private static TemplateCommand template() {
        return new Helm(CHART).template().withName(RELEASE).withNamespace("service-recovery");
    }

    private static Rendered render(TemplateCommand command) {
        String yaml = command.call();
        List<Map<String, Object>> documents = new ArrayList<>();
        for (Object document : new Yaml().loadAll(yaml)) {
            if (document != null) {
                documents.add(cast(document));
            }
        }
        return new Rendered(yaml, documents);
    }

    private record Rendered(String yaml, List<Map<String, Object>> documents) {

        List<Map<String, Object>> all(String kind) {
            return documents.stream().filter(document -> kind.equals(document.get("kind"))).collect(Collectors.toList());
        }

        Map<String, Object> single(String kind) {
            List<Map<String, Object>> found = all(kind);
            assertThat(found).as("rendered %s objects", kind).hasSize(1);
            return found.get(0);
        }

        List<Object> kinds() {
            return documents.stream().map(document -> document.get("kind")).collect(Collectors.toList());
        }

        Map<String, Object> podSpec() {
            return map(single("Deployment"), "spec", "template", "spec");
        }

        Map<String, Object> container() {
            List<Object> containers = list(podSpec(), "containers");
            assertThat(containers).hasSize(1);
            return cast(containers.get(0));
        }
    }

    /** The container's env as name -> EnvVar object. */
    private static Map<String, Map<String, Object>> envVars(Map<String, Object> container) {
        return list(container, "env").stream().map(HelmChartTest::cast)
                .collect(Collectors.toMap(envVar -> (String) envVar.get("name"), envVar -> envVar,
                        (a, b) -> { throw new AssertionError("env var defined twice: " + a.get("name")); }));
    }

    /** The container's plain env values as name -> value (null for valueFrom). */
    private static Map<String, Object> env(Map<String, Object> container) {
        Map<String, Object> values = new HashMap<>();
        envVars(container).forEach((name, envVar) -> values.put(name, envVar.get("value")));
        return values;
    }

    private static Map<String, Object> secretRef(Map<String, Map<String, Object>> envVars, String name) {
        assertThat(envVars).as("env vars").containsKey(name);
        Map<String, Object> envVar = envVars.get(name);
        assertThat(envVar).as(name).doesNotContainKey("value");
        return map(envVar, "valueFrom", "secretKeyRef");
    }

    private static Map<String, Object> byName(List<Object> items, String name) {
        Optional<Map<String, Object>> found = items.stream().map(HelmChartTest::cast)
                .filter(item -> name.equals(item.get("name"))).findFirst();
        assertThat(found).as("item named %s in %s", name, items).isPresent();
        return found.get();
    }

    private static Map<String, Object> map(Map<String, Object> root, String... path) {
        Object current = root;
        for (String key : path) {
            assertThat(current).as("parent of %s", key).isInstanceOf(Map.class);
            current = ((Map<?, ?>) current).get(key);
            assertThat(current).as("%s in %s", key, String.join(".", path)).isNotNull();
        }
        return cast(current);
    }

    private static List<Object> list(Map<String, Object> root, String... path) {
        String[] parents = Arrays.copyOf(path, path.length - 1);
        Object value = map(root, parents).get(path[path.length - 1]);
        assertThat(value).as(String.join(".", path)).isInstanceOf(List.class);
        @SuppressWarnings("unchecked")
        List<Object> list = (List<Object>) value;
        return list;
    }

    @SuppressWarnings("unchecked")
    private static Map<String, Object> cast(Object value) {
        assertThat(value).isInstanceOf(Map.class);
        return (Map<String, Object>) value;
    }
}
