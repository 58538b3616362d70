package dev.aiwizard.app.api;

import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.mockito.Mockito.RETURNS_SELF;
import static org.mockito.Mockito.mock;
import static org.mockito.Mockito.never;
import static org.mockito.Mockito.verify;
import static org.mockito.Mockito.when;

import io.helidon.common.socket.PeerInfo;
import io.helidon.http.HeaderNames;
import io.helidon.http.ServerRequestHeaders;
import io.helidon.http.Status;
import io.helidon.http.WritableHeaders;
import io.helidon.webserver.http.ServerRequest;
import io.helidon.webserver.http.ServerResponse;
import java.net.InetSocketAddress;
import org.junit.jupiter.api.Test;
import org.mockito.ArgumentMatchers;

/** Who may read the API; the socket tests only ever call from loopback, so the remote case is checked here. */
class ApiAccessTest {
    private final ServerResponse res = mock(ServerResponse.class, RETURNS_SELF);

    private static ServerRequest from(String ip, String authorization) {
        ServerRequest req = mock(ServerRequest.class);
        PeerInfo peer = mock(PeerInfo.class);
        when(peer.address()).thenReturn(new InetSocketAddress(ip, 40000));
        when(req.remotePeer()).thenReturn(peer);
        WritableHeaders<?> headers = WritableHeaders.create();
        if (authorization != null) {
            headers.add(HeaderNames.AUTHORIZATION, authorization);
        }
        when(req.headers()).thenReturn(ServerRequestHeaders.create(headers));
        return req;
    }

    @Test
    void withoutATokenOnlyLoopbackCallersAreAdmitted() {
        ApiAccess open = new ApiAccess("");
        assertTrue(open.admit(from("127.0.0.1", null), res));
        assertTrue(open.admit(from("::1", null), res));
        verify(res, never()).status(ArgumentMatchers.any(Status.class));

        assertFalse(open.admit(from("192.0.2.10", null), res));
        verify(res).status(Status.FORBIDDEN_403);
    }

    @Test
    void withATokenEveryCallerNeedsItEvenFromLoopback() {
        ApiAccess guarded = new ApiAccess("s3cret");
        assertFalse(guarded.admit(from("127.0.0.1", null), res));
        assertFalse(guarded.admit(from("127.0.0.1", "Bearer s3cre"), res));
        assertTrue(guarded.admit(from("192.0.2.10", "Bearer s3cret"), res));
    }
}
