package dev.aiwizard.console;

import dev.aiwizard.core.chat.ChatGateway;
import dev.aiwizard.core.chat.ThreadRef;
import dev.aiwizard.core.testing.ChatGatewayContract;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.OutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/** The chat port's contract on the console: the terminal is one thread, read as one scroll of text. */
class ConsoleGatewayContractTest extends ChatGatewayContract {
    private static final String PREFIX = "wizard> ";
    private static final Pattern BUTTON = Pattern.compile("\\[\\d+] (.+?)(?=  \\[\\d+] |$)");

    private final Terminal terminal = new Terminal();
    private final ConsoleGateway gateway = new ConsoleGateway(new PrintStream(terminal, true, StandardCharsets.UTF_8));

    /** What the person sees, until the terminal goes away (a closed pipe, a lost session). */
    private static final class Terminal extends OutputStream {
        private final ByteArrayOutputStream seen = new ByteArrayOutputStream();
        private volatile boolean gone;

        @Override
        public synchronized void write(int b) throws IOException {
            ensureThere();
            seen.write(b);
        }

        @Override
        public synchronized void write(byte[] b, int off, int len) throws IOException {
            ensureThere();
            seen.write(b, off, len);
        }

        synchronized String text() {
            return seen.toString(StandardCharsets.UTF_8);
        }

        private void ensureThere() throws IOException {
            if (gone) {
                throw new IOException("the terminal is gone");
            }
        }
    }

    @Override
    protected ChatGateway gateway() {
        return gateway;
    }

    @Override
    protected ThreadRef openThread() {
        return new ThreadRef(ConsoleGateway.PLATFORM, "terminal", "t-1");
    }

    @Override
    protected List<Shown> shown(ThreadRef thread) {
        List<String> text = new ArrayList<>();
        List<String> buttons = new ArrayList<>();
        for (String line : terminal.text().split("\n")) {
            String said = line.substring(PREFIX.length());
            if (said.startsWith("  [1] ")) {
                Matcher m = BUTTON.matcher(said.strip());
                while (m.find()) {
                    buttons.add(m.group(1));
                }
            } else {
                text.add(said);
            }
        }
        return text.isEmpty() ? List.of() : List.of(new Shown(List.of(String.join("\n", text)), buttons));
    }

    @Override
    protected int pieceLimit() {
        return Integer.MAX_VALUE;
    }

    @Override
    protected void refuseNext() {
        terminal.gone = true;
    }

    @Override
    protected boolean editsInPlace() {
        return false;
    }
}
