package io.servicerecovery.notify.webhooks;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.net.InetAddress;
import java.net.UnknownHostException;
import java.util.Map;

import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;
import org.junit.jupiter.api.Test;

import io.servicerecovery.common.DomainException;
import io.servicerecovery.common.Problem;
import io.servicerecovery.common.ProblemMappers;

class WebhookUrlPolicyTest {

    /** A DNS of our own: no test depends on the network. */
    private static final Map<String, String> DNS = Map.of(
            "crm.example.com", "93.184.216.34",
            "intranet.example.com", "10.20.30.40",
            "metadata.example.com", "169.254.169.254");

    private static WebhookUrlPolicy.Resolver dns() {
        return host -> {
            String ip = DNS.get(host);
            if (ip == null) {
                // Literals resolve to themselves without a lookup.
                if (host.matches("[0-9.]+|\\[?[0-9a-fA-F:.]+]?")) {
                    return InetAddress.getAllByName(host);
                }
                throw new UnknownHostException(host);
            }
            return new InetAddress[] { InetAddress.getByName(ip) };
        };
    }

    private final WebhookUrlPolicy production = new WebhookUrlPolicy(false, dns());

    @ParameterizedTest
    @ValueSource(strings = {
            "http://127.0.0.1:8080/hooks",
            "http://127.1.2.3/hooks",
            "http://[::1]/hooks",
            "http://[::ffff:127.0.0.1]/hooks",
            "http://0.0.0.0/hooks",
            "http://10.1.2.3/hooks",
            "http://172.16.0.1/hooks",
            "http://172.31.255.255/hooks",
            "http://192.168.1.10/hooks",
            "http://100.64.0.1/hooks",
            "http://169.254.169.254/latest/meta-data",
            "http://[fe80::1]/hooks",
            "http://[fd12:3456:789a::1]/hooks",
            "http://[fc00::1]/hooks",
            "http://[64:ff9b::a00:1]/hooks",
            "https://intranet.example.com/hooks",
            "https://metadata.example.com/hooks" })
    void refusesPrivateLoopbackLinkLocalAndUniqueLocalAddressesWhenTheyAreNotAllowed(String url) {
        assertRefused(production, url, "a private, loopback, link-local or unique-local address");
    }

    @Test
    void refusesAHostWithAnyPrivateAddressAmongItsAddresses() throws Exception {
        WebhookUrlPolicy policy = new WebhookUrlPolicy(false, host -> new InetAddress[] {
                InetAddress.getByName("93.184.216.34"), InetAddress.getByName("127.0.0.1") });

        assertRefused(policy, "https://crm.example.com/hooks", "127.0.0.1");
    }

    @Test
    void refusesAHostThatDoesNotResolve() {
        assertRefused(production, "https://nowhere.example.com/hooks", "cannot be resolved");
    }

    @ParameterizedTest
    @ValueSource(strings = { "https://crm.example.com/hooks", "http://93.184.216.34:8080/hooks?tenant=7",
            "https://[2606:2800:220:1:248:1893:25c8:1946]/hooks", "https://172.32.0.1/hooks" })
    void acceptsPublicAddresses(String url) {
        assertThat(production.check(url)).hasToString(url);
    }

    @Test
    void acceptsLoopbackWhenPrivateAddressesAreAllowedWithoutLookingTheHostUp() {
        WebhookUrlPolicy demo = new WebhookUrlPolicy(true, host -> {
            throw new AssertionError("no lookup when private addresses are allowed");
        });

        assertThat(demo.check("http://127.0.0.1:9000/hooks")).hasToString("http://127.0.0.1:9000/hooks");
        assertThat(demo.check("http://localhost:9000/hooks").getHost()).isEqualTo("localhost");
    }

    @ParameterizedTest
    @ValueSource(strings = { "ftp://crm.example.com/hooks", "file:///etc/passwd", "javascript:alert(1)",
            "crm.example.com/hooks", "/hooks", "gopher://crm.example.com/" })
    void acceptsOnlyHttpAndHttpsEvenWhenPrivateAddressesAreAllowed(String url) {
        assertRefused(new WebhookUrlPolicy(true, dns()), url, "http or https");
    }

    @Test
    void refusesCredentialsInTheUrlAndWhatIsNotAUrl() {
        assertRefused(production, "https://user:secret@crm.example.com/hooks", "credentials");
        assertRefused(production, "https://crm.example.com/a b", "URL");
        assertRefused(production, "http:///hooks", "host");
    }

    private static void assertRefused(WebhookUrlPolicy policy, String url, String reason) {
        assertThatThrownBy(() -> policy.check(url))
                .isInstanceOfSatisfying(DomainException.class, e -> {
                    Problem problem = ProblemMappers.problemOf(e, "/api/webhooks");
                    assertThat(problem.status()).isEqualTo(400);
                    assertThat(problem.violations()).singleElement().satisfies(v -> {
                        assertThat(v.field()).isEqualTo("url");
                        assertThat(v.message()).contains(reason);
                    });
                });
    }
}
