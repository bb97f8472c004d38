package io.servicerecovery.cases;

/** The filters of the case list; null means no filter. */
public record CaseFilter(CaseStatus status, String customerId, String externalRef) {
}
