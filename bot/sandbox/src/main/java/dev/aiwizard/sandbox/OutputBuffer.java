package dev.aiwizard.sandbox;

import java.nio.charset.StandardCharsets;

/**
 * Keeps the first {@code headBytes} and the last {@code tailBytes} of a process's output and counts the rest, so a
 * chatty or hostile build cannot fill the bot's memory.
 */
final class OutputBuffer {
    private final byte[] head;
    private final byte[] tail;
    private int headLength;
    private long tailWritten;
    private long total;

    OutputBuffer(int headBytes, int tailBytes) {
        head = new byte[headBytes];
        tail = new byte[tailBytes];
    }

    synchronized void write(byte[] bytes, int offset, int length) {
        total += length;
        int toHead = Math.min(length, head.length - headLength);
        System.arraycopy(bytes, offset, head, headLength, toHead);
        headLength += toHead;
        for (int i = offset + toHead; i < offset + length; i++) {
            tail[(int) (tailWritten++ % tail.length)] = bytes[i];
        }
    }

    synchronized long total() {
        return total;
    }

    synchronized String head() {
        return new String(head, 0, headLength, StandardCharsets.UTF_8);
    }

    /** Bytes neither in the head nor in the tail. */
    synchronized long omitted() {
        return Math.max(0, tailWritten - tail.length);
    }

    synchronized String tail() {
        int kept = (int) Math.min(tailWritten, tail.length);
        byte[] out = new byte[kept];
        long start = tailWritten - kept;
        for (int i = 0; i < kept; i++) {
            out[i] = tail[(int) ((start + i) % tail.length)];
        }
        return new String(out, StandardCharsets.UTF_8);
    }
}
