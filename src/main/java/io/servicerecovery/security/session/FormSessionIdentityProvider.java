package io.servicerecovery.security.session;

import jakarta.enterprise.context.ApplicationScoped;

import io.quarkus.security.identity.AuthenticationRequestContext;
import io.quarkus.security.identity.IdentityProvider;
import io.quarkus.security.identity.SecurityIdentity;
import io.quarkus.security.runtime.QuarkusPrincipal;
import io.quarkus.security.runtime.QuarkusSecurityIdentity;
import io.smallrye.mutiny.Uni;

/**
 * Reads a form session's row (a blocking database read, so off the event loop). The identity it answers names
 * the person only; FormSessionMechanism then asks the user realm for their roles.
 */
@ApplicationScoped
public class FormSessionIdentityProvider implements IdentityProvider<ConsoleSessionRequest> {

    private final ConsoleSessions sessions;

    public FormSessionIdentityProvider(ConsoleSessions sessions) {
        this.sessions = sessions;
    }

    @Override
    public Class<ConsoleSessionRequest> getRequestType() {
        return ConsoleSessionRequest.class;
    }

    @Override
    public Uni<SecurityIdentity> authenticate(ConsoleSessionRequest request, AuthenticationRequestContext context) {
        return context.runBlocking(() -> sessions.personOf(request.secret())
                .<SecurityIdentity>map(person -> QuarkusSecurityIdentity.builder()
                        .setPrincipal(new QuarkusPrincipal(person))
                        .addAttribute(SessionKeys.SESSION_ATTRIBUTE, ConsoleSessions.hash(request.secret()))
                        .build())
                .orElse(null));
    }
}
