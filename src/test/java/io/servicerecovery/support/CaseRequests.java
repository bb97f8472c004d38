package io.servicerecovery.support;

import java.util.LinkedHashMap;
import java.util.Map;
import java.util.UUID;

/** Builds case bodies as a CRM would send them; each builder starts from a valid, unique case. */
public final class CaseRequests {

    private final Map<String, Object> body = new LinkedHashMap<>();
    private final Map<String, Object> customer = new LinkedHashMap<>();
    private final Map<String, Object> failure = new LinkedHashMap<>();

    private CaseRequests() {
        String unique = UUID.randomUUID().toString().substring(0, 8);
        body.put("externalRef", "CRM-" + unique);
        customer.put("id", "C-" + unique);
        customer.put("name", "Ana Ozola");
        customer.put("email", "ana." + unique + "@example.com");
        customer.put("locale", "en");
        customer.put("tier", "GOLD");
        failure.put("stage", "POST_PURCHASE");
        failure.put("channel", "PHONE");
        failure.put("category", "LATE_DELIVERY");
        failure.put("description", "The sofa arrived nine days late and the customer took a day off for nothing.");
        failure.put("severity", "HIGH");
        // A day ago, not a fixed date: the 90-day repeat-failure window moves with the clock.
        failure.put("occurredAt", java.time.Instant.now().minus(java.time.Duration.ofDays(1))
                .truncatedTo(java.time.temporal.ChronoUnit.SECONDS).toString());
        body.put("customer", customer);
        body.put("failure", failure);
        body.put("orderValue", Map.of("amount", "899.90", "currency", "EUR"));
    }

    public static CaseRequests aCase() {
        return new CaseRequests();
    }

    public CaseRequests externalRef(String ref) {
        body.put("externalRef", ref);
        return this;
    }

    public CaseRequests customer(String field, Object value) {
        customer.put(field, value);
        return this;
    }

    public CaseRequests failure(String field, Object value) {
        failure.put(field, value);
        return this;
    }

    public CaseRequests with(String field, Object value) {
        if (value == null) {
            body.remove(field);
        } else {
            body.put(field, value);
        }
        return this;
    }

    public CaseRequests withoutCustomerField(String field) {
        customer.remove(field);
        return this;
    }

    public String externalRef() {
        return (String) body.get("externalRef");
    }

    public String customerId() {
        return (String) customer.get("id");
    }

    public Map<String, Object> build() {
        return body;
    }
}
