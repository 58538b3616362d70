/**
 * The {@link dev.aiwizard.core.sandbox.Sandbox} port on bubblewrap: each stack's plan of what to run, the bwrap
 * command line, a supervised process with its limits, scratch copies, shared caches and the test runners' reports.
 */
package dev.aiwizard.sandbox;
