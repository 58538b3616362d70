/**
 * Running a generated project's own build and tests in isolation: the {@link dev.aiwizard.core.sandbox.Sandbox} port,
 * what to run, the limits, and the honest report of what came back.
 */
package dev.aiwizard.core.sandbox;
