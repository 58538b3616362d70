package dev.aiwizard.sandbox;

import dev.aiwizard.core.sandbox.TestCounts;
import dev.aiwizard.sandbox.StackPlan.ReportFormat;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.stream.Stream;
import javax.xml.XMLConstants;
import javax.xml.parsers.DocumentBuilder;
import javax.xml.parsers.DocumentBuilderFactory;
import javax.xml.parsers.ParserConfigurationException;
import org.w3c.dom.Element;
import org.w3c.dom.Node;
import org.w3c.dom.NodeList;
import org.xml.sax.SAXException;

/**
 * Reads what the test runner itself reported: Surefire's {@code TEST-*.xml} or node's JUnit XML. Counts come only
 * from there, never from the output; no report means no counts. The files were written inside the sandbox, so they
 * are parsed as untrusted: no DTDs, no external entities.
 */
final class TestReports {
    /** Counts and failing tests' names, as reported. */
    record Found(TestCounts counts, List<String> failing) {
    }

    private TestReports() {
    }

    /** The report of {@code format} in a run directory ({@code project/}, {@code reports/}); empty when none. */
    static Optional<Found> read(ReportFormat format, Path run) {
        try {
            return switch (format) {
                case SUREFIRE -> surefire(run.resolve("project/target/surefire-reports"));
                case NODE_JUNIT -> nodeJunit(run.resolve("reports/node-junit.xml"));
            };
        } catch (IOException | SAXException | IllegalArgumentException e) {
            // A report cut short (the run was killed while it was written) or adding up to nonsense is no report.
            return Optional.empty();
        }
    }

    /** One {@code <testsuite>} per file with tests, failures, errors and skipped; failing cases named Class.method. */
    static Optional<Found> surefire(Path dir) throws IOException, SAXException {
        if (!Files.isDirectory(dir)) {
            return Optional.empty();
        }
        List<Path> files;
        try (Stream<Path> list = Files.list(dir)) {
            files = list.filter(p -> p.getFileName().toString().matches("TEST-.*\\.xml")).sorted().toList();
        }
        if (files.isEmpty()) {
            return Optional.empty();
        }
        TestCounts counts = TestCounts.NONE;
        List<String> failing = new ArrayList<>();
        for (Path file : files) {
            Element suite = parse(file).getDocumentElement();
            int tests = number(suite, "tests");
            int failed = number(suite, "failures") + number(suite, "errors");
            int skipped = number(suite, "skipped");
            counts = counts.plus(new TestCounts(tests, tests - failed - skipped, failed, skipped));
            for (Element test : children(suite, "testcase")) {
                if (!children(test, "failure").isEmpty() || !children(test, "error").isEmpty()) {
                    String cls = test.getAttribute("classname");
                    failing.add(cls.isEmpty() ? test.getAttribute("name") : cls + "." + test.getAttribute("name"));
                }
            }
        }
        return Optional.of(new Found(counts, failing));
    }

    /**
     * node's JUnit reporter: {@code <testsuites>} holding a {@code <testcase>} per test, nested in a
     * {@code <testsuite>} per describe block; a failed one has {@code <failure>}, a skipped or todo one
     * {@code <skipped>}. Failing ones are named with their suites: "books > create > refuses a bad body".
     */
    static Optional<Found> nodeJunit(Path file) throws IOException, SAXException {
        if (!Files.isRegularFile(file)) {
            return Optional.empty();
        }
        Element root = parse(file).getDocumentElement();
        int[] totals = new int[3];
        List<String> failing = new ArrayList<>();
        collect(root, "", totals, failing);
        int run = totals[0];
        return Optional.of(new Found(new TestCounts(run, run - totals[1] - totals[2], totals[1], totals[2]), failing));
    }

    private static void collect(Element parent, String path, int[] totals, List<String> failing) {
        for (Element child : children(parent, null)) {
            switch (child.getTagName()) {
                case "testsuite" -> collect(child, path + child.getAttribute("name") + " > ", totals, failing);
                case "testcase" -> {
                    totals[0]++;
                    if (!children(child, "failure").isEmpty() || !children(child, "error").isEmpty()) {
                        totals[1]++;
                        failing.add(path + child.getAttribute("name"));
                    } else if (!children(child, "skipped").isEmpty()) {
                        totals[2]++;
                    }
                }
                default -> { }
            }
        }
    }

    private static org.w3c.dom.Document parse(Path file) throws IOException, SAXException {
        try {
            DocumentBuilderFactory factory = DocumentBuilderFactory.newInstance();
            factory.setFeature("http://apache.org/xml/features/disallow-doctype-decl", true);
            factory.setFeature(XMLConstants.FEATURE_SECURE_PROCESSING, true);
            factory.setXIncludeAware(false);
            factory.setExpandEntityReferences(false);
            DocumentBuilder builder = factory.newDocumentBuilder();
            builder.setErrorHandler(null);
            return builder.parse(file.toFile());
        } catch (ParserConfigurationException e) {
            throw new IllegalStateException("the JDK's XML parser lacks a safety feature", e);
        }
    }

    private static List<Element> children(Element parent, String tag) {
        List<Element> out = new ArrayList<>();
        NodeList nodes = parent.getChildNodes();
        for (int i = 0; i < nodes.getLength(); i++) {
            if (nodes.item(i).getNodeType() == Node.ELEMENT_NODE
                    && (tag == null || ((Element) nodes.item(i)).getTagName().equals(tag))) {
                out.add((Element) nodes.item(i));
            }
        }
        return out;
    }

    private static int number(Element e, String attribute) {
        String value = e.getAttribute(attribute);
        try {
            return value.isEmpty() ? 0 : Math.max(0, Integer.parseInt(value.strip()));
        } catch (NumberFormatException ex) {
            return 0;
        }
    }
}
