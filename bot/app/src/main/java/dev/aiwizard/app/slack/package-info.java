/** Slack over HTTP: the bridge from the Helidon web server to the Bolt app at {@code /slack/events}. */
package dev.aiwizard.app.slack;
