package dev.aiwizard.sandbox;

import java.util.Base64;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.OptionalInt;

/**
 * A test pod's log split into what the build printed and the report block the step's script printed after it:
 * {@code @@wizard-reports-<nonce>@@}, one line per report file ("name base64"), then
 * {@code @@wizard-end-<nonce>@@ <exit code>}. The last complete block counts; a block cut short is no report.
 */
record PodLog(String output, Map<String, byte[]> reports, OptionalInt exitCode) {
    static PodLog parse(String log, String nonce) {
        String text = log == null ? "" : log;
        String begin = "@@wizard-reports-" + nonce + "@@\n";
        String end = "@@wizard-end-" + nonce + "@@ ";
        int start = text.lastIndexOf(begin);
        int stop = start < 0 ? -1 : text.indexOf(end, start);
        if (start < 0 || stop < 0) {
            return new PodLog(text, Map.of(), OptionalInt.empty());
        }
        Map<String, byte[]> reports = new LinkedHashMap<>();
        for (String line : text.substring(start + begin.length(), stop).split("\n")) {
            int space = line.indexOf(' ');
            String name = space < 0 ? "" : line.substring(0, space);
            // Names come from the pod: only plain report file names are kept, so none can point elsewhere.
            if (name.matches("[A-Za-z0-9][A-Za-z0-9._-]{0,200}\\.xml")) {
                try {
                    reports.put(name, Base64.getDecoder().decode(line.substring(space + 1).strip()));
                } catch (IllegalArgumentException e) {
                    // A report that is not base64 is no report.
                }
            }
        }
        String tail = text.substring(stop + end.length());
        int newline = tail.indexOf('\n');
        OptionalInt exit;
        try {
            exit = OptionalInt.of(Integer.parseInt((newline < 0 ? tail : tail.substring(0, newline)).strip()));
        } catch (NumberFormatException e) {
            exit = OptionalInt.empty();
        }
        return new PodLog(text.substring(0, start), Map.copyOf(reports), exit);
    }
}
