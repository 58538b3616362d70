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

    private static ServerRequest from(String ip, String authorization, String... moreHeaders) {
        ServerRequest req = mock(ServerRequest.class);
        PeerInfo peer = mock(PeerInfo.class);
        when(peer.address()).thenReturn(new InetSocketAddress(ip, 40000));
        when(req.remotePeer()).thenReturn(peer);
        WritableHeaders<?> headers = WritableHeaders.create();
        if (authorization != null) {
            headers.add(HeaderNames.AUTHORIZATION, authorization);
        }
        for (int i = 0; i + 1 < moreHeaders.length; i += 2) {
            headers.add(HeaderNames.create(moreHeaders[i]), moreHeaders[i + 1]);
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

    @Test
    void withoutATokenLoopbackRequestsCarryingAnyProxyHeaderAreRefused() {
        ApiAccess open = new ApiAccess("");
        for (String header : new String[] {"Forwarded", "X-Forwarded-For", "X-Forwarded-Host", "X-Forwarded-Proto",
            "X-Forwarded-Port", "x-forwarded-server", "X-Real-IP", "Via", "True-Client-IP", "CF-Connecting-IP"}) {
            assertFalse(open.trusted(from("127.0.0.1", null, header, "203.0.113.7")), header);
            assertFalse(open.trusted(from("::1", null, header, "203.0.113.7")), header);
        }
        assertTrue(open.trusted(from("127.0.0.1", null, "Accept", "application/json", "User-Agent", "curl/8")));
    }

    @Test
    void withATokenProxyHeadersNeitherHelpNorHurtTheTokenHolder() {
        ApiAccess guarded = new ApiAccess("s3cret");
        assertTrue(guarded.trusted(from("127.0.0.1", "Bearer s3cret", "X-Forwarded-For", "203.0.113.7")));
        assertTrue(guarded.trusted(from("127.0.0.1", "bearer s3cret")), "the scheme is case-insensitive");
        assertFalse(guarded.trusted(from("127.0.0.1", "s3cret")), "the scheme is needed");
        assertFalse(guarded.trusted(from("127.0.0.1", "Bearer s3cret-and-more")));
        assertFalse(guarded.trusted(from("127.0.0.1", "Bearer ")));
    }
}
