/**
 * Delivers generated projects with JGit: one commit on the conversation's own {@code wizard/...} branch of a git
 * repository, pushed without force. {@link dev.aiwizard.git.GitPublisher} implements the core's publisher port.
 */
package dev.aiwizard.git;
