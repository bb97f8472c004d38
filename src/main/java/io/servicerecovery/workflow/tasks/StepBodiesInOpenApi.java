package io.servicerecovery.workflow.tasks;

import java.util.List;

import org.eclipse.microprofile.openapi.OASFactory;
import org.eclipse.microprofile.openapi.OASFilter;
import org.eclipse.microprofile.openapi.models.Operation;
import org.eclipse.microprofile.openapi.models.media.MediaType;
import org.eclipse.microprofile.openapi.models.media.Schema;

import io.quarkus.smallrye.openapi.OpenApiFilter;

/**
 * The completion body of {@code completeTask} is one of the step bodies, listed by {@link StepHandlers}: an
 * annotation can only name classes written into it, so the document gets the list here instead. At build time,
 * because the checked-in document (openapi/) is the one the build writes. Each body is a component of its own
 * through the {@code @Schema} on its class.
 */
@OpenApiFilter(stages = OpenApiFilter.RunStage.BUILD)
public class StepBodiesInOpenApi implements OASFilter {

    static final String OPERATION = "completeTask";

    @Override
    public Operation filterOperation(Operation operation) {
        if (OPERATION.equals(operation.getOperationId()) && operation.getRequestBody() != null) {
            MediaType json = operation.getRequestBody().getContent().getMediaType("application/json");
            json.setSchema(OASFactory.createSchema().oneOf(oneOfBodies()));
        }
        return operation;
    }

    private static List<Schema> oneOfBodies() {
        return StepHandlers.bodies().stream()
                .map(body -> OASFactory.createSchema().ref(body.getSimpleName())).toList();
    }
}
