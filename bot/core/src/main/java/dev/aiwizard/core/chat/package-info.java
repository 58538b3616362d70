/** The chat port: where conversations happen (platform, channel, thread), messages in and out. */
package dev.aiwizard.core.chat;
