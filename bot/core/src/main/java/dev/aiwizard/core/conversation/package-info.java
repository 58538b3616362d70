/**
 * Conversations: their states and the one table that moves them, stored messages, the interviewer port, and the
 * service that runs a thread (with its turn, guard and thread index). Below the job package: jobs are reached
 * through the {@link dev.aiwizard.core.conversation.GenerationQueue} port.
 */
package dev.aiwizard.core.conversation;
