/** Conversations: their states, stored messages, the interviewer port and the service that runs a thread. */
package dev.aiwizard.core.conversation;
