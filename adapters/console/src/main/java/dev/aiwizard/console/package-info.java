/** The terminal as a chat platform: lines in are messages, bot messages are printed marked {@code wizard>}. */
package dev.aiwizard.console;
