package dev.aiwizard.sandbox;

import static org.junit.jupiter.api.Assertions.assertEquals;

import dev.aiwizard.core.sandbox.TestCounts;
import dev.aiwizard.sandbox.StackPlan.ReportFormat;
import dev.aiwizard.sandbox.testing.SandboxTesting;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class TestReportsTest {
    @TempDir
    Path run;

    @Test
    void surefireReportsAreSummedAndFailuresAndErrorsNamed() {
        SandboxTesting.write(run.resolve("project/target/surefire-reports"), Map.of(
                "TEST-a.BookTest.xml", """
                        <?xml version="1.0" encoding="UTF-8"?>
                        <testsuite name="a.BookTest" tests="4" errors="1" skipped="1" failures="1">
                          <testcase name="creates" classname="a.BookTest"/>
                          <testcase name="reads" classname="a.BookTest"><failure message="x"/></testcase>
                          <testcase name="lists" classname="a.BookTest"><error message="y"/></testcase>
                          <testcase name="later" classname="a.BookTest"><skipped/></testcase>
                        </testsuite>
                        """,
                "TEST-a.MainTest.xml", "<testsuite name=\"a.MainTest\" tests=\"2\" errors=\"0\" skipped=\"0\" failures=\"0\"/>",
                "a.BookTest.txt", "not a report"));

        var found = TestReports.read(ReportFormat.SUREFIRE, run).orElseThrow();

        assertEquals(new TestCounts(6, 3, 2, 1), found.counts());
        assertEquals(List.of("a.BookTest.reads", "a.BookTest.lists"), found.failing());
    }

    @Test
    void nodeJunitCountsEveryTestcaseAndNamesFailuresWithTheirSuites() {
        SandboxTesting.write(run.resolve("reports"), Map.of("node-junit.xml", """
                <?xml version="1.0" encoding="utf-8"?>
                <testsuites>
                  <testcase name="top level" time="0.1" classname="test"/>
                  <testsuite name="books">
                    <testsuite name="create">
                      <testcase name="refuses a bad body" classname="test"><failure type="testCodeFailure" message="no"/></testcase>
                      <testcase name="assigns ids" classname="test"/>
                    </testsuite>
                    <testcase name="later" classname="test"><skipped type="skipped" message="todo"/></testcase>
                  </testsuite>
                </testsuites>
                """));

        var found = TestReports.read(ReportFormat.NODE_JUNIT, run).orElseThrow();

        assertEquals(new TestCounts(4, 2, 1, 1), found.counts());
        assertEquals(List.of("books > create > refuses a bad body"), found.failing());
    }

    @Test
    void noReportMeansNoCounts() {
        assertEquals(Optional.empty(), TestReports.read(ReportFormat.SUREFIRE, run));
        assertEquals(Optional.empty(), TestReports.read(ReportFormat.NODE_JUNIT, run));
    }

    @Test
    void aReportWithADoctypeOrCountsThatDoNotAddUpIsNoReport() {
        SandboxTesting.write(run.resolve("reports"), Map.of("node-junit.xml", """
                <?xml version="1.0"?>
                <!DOCTYPE t [<!ENTITY x SYSTEM "file:///etc/passwd">]>
                <testsuites><testcase name="&x;"/></testsuites>
                """));
        SandboxTesting.write(run.resolve("project/target/surefire-reports"), Map.of("TEST-x.xml",
                "<testsuite tests=\"1\" failures=\"3\"/>"));

        assertEquals(Optional.empty(), TestReports.read(ReportFormat.NODE_JUNIT, run));
        assertEquals(Optional.empty(), TestReports.read(ReportFormat.SUREFIRE, run));
    }
}
