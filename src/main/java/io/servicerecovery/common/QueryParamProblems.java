package io.servicerecovery.common;

import jakarta.ws.rs.core.Response;
import jakarta.ws.rs.core.UriInfo;

import org.jboss.resteasy.reactive.server.ServerExceptionMapper;

/** A query parameter {@link QueryParamConverters} could not convert: the 400 problem it carries. */
public class QueryParamProblems {

    @ServerExceptionMapper
    public Response badQueryParam(QueryParamConverters.BadQueryParam e, UriInfo uri) {
        return ProblemMappers.respond(e.problem, uri == null ? null : "/" + uri.getPath().replaceFirst("^/", ""));
    }
}
