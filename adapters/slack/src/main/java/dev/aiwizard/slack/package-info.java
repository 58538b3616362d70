/**
 * Slack as a chat platform, on Slack Bolt for Java: the {@code /wizard} command, mentions and thread replies become
 * conversation turns; the bot's messages go out as Block Kit with buttons, and job status is one message edited in
 * place.
 */
package dev.aiwizard.slack;
