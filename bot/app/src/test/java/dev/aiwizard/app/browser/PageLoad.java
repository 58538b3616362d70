package dev.aiwizard.app.browser;

import java.util.List;
import java.util.Map;

/**
 * How a page loaded, from the browser's Navigation and Resource Timing: times in milliseconds from the start of the
 * navigation, sizes in bytes. {@code transferred} counts what crossed the connection (headers included; zero for an
 * asset from the cache), {@code decoded} the bodies after decompression.
 */
public record PageLoad(String url, double domContentLoaded, double load, double lastResponse, long transferred,
                       long decoded, List<Asset> assets) {

    /** When everything was in: the load event, or the last response if a fetch of the page ended after it. */
    public double done() {
        return Math.max(load, lastResponse);
    }

    /** One asset the page loaded (a script, a style sheet, an image, a fetch of the page's own script). */
    public record Asset(String url, String type, double responseEnd, long transferred, long decoded) {
    }

    /** Reads the timing in the page; returns what {@link #of} takes. */
    static final String SCRIPT = """
            const nav = performance.getEntriesByType('navigation')[0];
            const assets = performance.getEntriesByType('resource').map(r => ({url: r.name, type: r.initiatorType,
                responseEnd: r.responseEnd, transferred: r.transferSize, decoded: r.decodedBodySize}));
            return {url: nav.name, domContentLoaded: nav.domContentLoadedEventEnd, load: nav.loadEventEnd,
                responseEnd: nav.responseEnd, transferred: nav.transferSize, decoded: nav.decodedBodySize, assets};
            """;

    static PageLoad of(Object scriptResult) {
        Map<?, ?> nav = (Map<?, ?>) scriptResult;
        List<Asset> assets = ((List<?>) nav.get("assets")).stream().map(a -> (Map<?, ?>) a)
                .map(a -> new Asset((String) a.get("url"), (String) a.get("type"), number(a, "responseEnd"),
                        (long) number(a, "transferred"), (long) number(a, "decoded"))).toList();
        double last = assets.stream().mapToDouble(Asset::responseEnd).max().orElse(0);
        return new PageLoad((String) nav.get("url"), number(nav, "domContentLoaded"), number(nav, "load"),
                Math.max(last, number(nav, "responseEnd")),
                (long) number(nav, "transferred") + assets.stream().mapToLong(Asset::transferred).sum(),
                (long) number(nav, "decoded") + assets.stream().mapToLong(Asset::decoded).sum(), assets);
    }

    private static double number(Map<?, ?> map, String key) {
        return ((Number) map.get(key)).doubleValue();
    }
}
