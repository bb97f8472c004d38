package io.servicerecovery.support;

import java.net.URI;

import io.quarkus.test.common.http.TestHTTPResourceManager;
import io.restassured.RestAssured;
import io.restassured.specification.RequestSpecification;

/**
 * Requests to the management interface of the app under test: health and metrics, on a port of their own
 * ({@code quarkus.management.test-port}), without credentials, as the kubelet and Prometheus call them.
 */
public final class Management {

    private Management() {
    }

    /** Paths as on the wire ({@code /q/health/ready}): the test URL's own path (the root path /q) is dropped. */
    public static RequestSpecification given() {
        URI uri = URI.create(TestHTTPResourceManager.getManagementUri());
        return RestAssured.given().baseUri(uri.getScheme() + "://" + uri.getHost()).port(uri.getPort());
    }
}
