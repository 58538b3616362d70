package dev.aiwizard.web;

import io.helidon.http.Header;
import io.helidon.webserver.http.ServerRequest;
import java.net.InetSocketAddress;
import java.util.Locale;
import java.util.Set;

/**
 * Whether a request comes straight from this machine: a loopback peer whose request carries no header a proxy adds.
 * A reverse proxy on the same host connects from loopback too, and would otherwise hand what is meant for the
 * operator (the API without a token, the web pages without sign-in) to the whole internet.
 */
public final class DirectCaller {
    /** Headers reverse proxies and CDNs add to say whom they forward for; any {@code X-Forwarded-*} counts too. */
    private static final Set<String> PROXY_HEADERS = Set.of("forwarded", "via", "x-real-ip", "x-client-ip",
            "x-cluster-client-ip", "x-original-forwarded-for", "true-client-ip", "cf-connecting-ip",
            "fastly-client-ip", "x-proxyuser-ip", "x-envoy-external-address");

    private DirectCaller() {
    }

    /** Whether {@code req} comes from a loopback address without a proxy's header. */
    public static boolean isDirectLoopback(ServerRequest req) {
        if (!(req.remotePeer().address() instanceof InetSocketAddress a) || a.getAddress() == null
                || !a.getAddress().isLoopbackAddress()) {
            return false;
        }
        for (Header h : req.headers()) {
            String name = h.name().toLowerCase(Locale.ROOT);
            if (PROXY_HEADERS.contains(name) || name.startsWith("x-forwarded-")) {
                return false;
            }
        }
        return true;
    }
}
