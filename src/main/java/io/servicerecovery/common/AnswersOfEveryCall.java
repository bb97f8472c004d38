package io.servicerecovery.common;

import org.eclipse.microprofile.openapi.OASFactory;
import org.eclipse.microprofile.openapi.OASFilter;
import org.eclipse.microprofile.openapi.models.Operation;
import org.eclipse.microprofile.openapi.models.responses.APIResponses;

import io.quarkus.smallrye.openapi.OpenApiFilter;

/**
 * The three answers any call of the API can meet, declared on every operation in one place rather than on each
 * resource: 401 (every operation needs credentials), 403 (every one is limited to some roles) and 503 (every one
 * reads the database, which may be out of reach: nothing was saved, retry). An operation that declares one of
 * them itself (a reference to one of the contract's answers) keeps its own. Quarkus adds a bare 401 and 403 to
 * every operation under {@code @RolesAllowed}; those get the contract's problem+json answers instead. At build
 * time, like every change to the checked-in document (openapi/).
 */
@OpenApiFilter(stages = OpenApiFilter.RunStage.BUILD)
public class AnswersOfEveryCall implements OASFilter {

    @Override
    public Operation filterOperation(Operation operation) {
        APIResponses responses = operation.getResponses();
        if (responses != null) {
            declare(responses, "401", ApiContract.UNAUTHORIZED);
            declare(responses, "403", ApiContract.FORBIDDEN);
            declare(responses, "503", ApiContract.SERVICE_UNAVAILABLE);
        }
        return operation;
    }

    private static void declare(APIResponses responses, String status, String answer) {
        if (!responses.hasAPIResponse(status) || responses.getAPIResponse(status).getRef() == null) {
            responses.addAPIResponse(status, OASFactory.createAPIResponse().ref(answer));
        }
    }
}
