/**
 * Durable generation jobs: the store (which is also the conversations' generation queue), the runner, and the
 * generator and publisher ports they drive. Above the conversation package: a job moves its conversation through
 * the conversation's state machine.
 */
package dev.aiwizard.core.job;
