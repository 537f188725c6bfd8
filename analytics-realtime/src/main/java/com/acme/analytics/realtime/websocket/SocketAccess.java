package com.acme.analytics.realtime.websocket;

import com.acme.analytics.access.Caller;
import com.acme.analytics.access.OpenConnections;
import com.acme.analytics.access.Permission;
import com.acme.analytics.access.TooManyRequests;
import jakarta.websocket.CloseReason;
import jakarta.websocket.Session;

import java.io.IOException;

/**
 * Who may use a socket. The handshake was authenticated before the upgrade (the web module's WebSocket guard), so
 * the caller is the session's principal; every endpoint admits it on open and checks each workspace it names.
 */
public final class SocketAccess {

    private SocketAccess() {
    }

    /**
     * Registers the connection under its credential, so that revoking the credential closes it.
     *
     * @return false when the session was closed: no authenticated caller, or too many connections
     */
    public static boolean admit(Session session, OpenConnections connections) {
        try {
            if (!(session.getUserPrincipal() instanceof Caller caller)) {
                session.close(new CloseReason(CloseReason.CloseCodes.VIOLATED_POLICY, "not authenticated"));
                return false;
            }
            try {
                connections.open(caller, new SessionConnection(session));
                return true;
            } catch (TooManyRequests e) {
                session.close(new CloseReason(CloseReason.CloseCodes.TRY_AGAIN_LATER, "too many connections"));
                return false;
            }
        } catch (IOException e) {
            return false;
        }
    }

    /** The workspace of the session's caller (admitted sessions only: every admitted caller may read one). */
    public static String workspaceOf(Session session) {
        return ((Caller) session.getUserPrincipal()).workspaceId();
    }

    /** Whether the session's caller administers the workspace (an admin's dashboard gets the system alerts). */
    public static boolean administers(Session session, String workspaceId) {
        return session.getUserPrincipal() instanceof Caller caller && caller.may(Permission.ADMINISTER, workspaceId);
    }

    /** @throws ClientMessage.Rejected {@code forbidden} when the caller may not read the workspace */
    public static void requireRead(Session session, String workspaceId) {
        if (!(session.getUserPrincipal() instanceof Caller caller) || !caller.may(Permission.READ, workspaceId)) {
            throw new ClientMessage.Rejected("forbidden", "this credential may not read workspace '"
                    + workspaceId + "'");
        }
    }
}
