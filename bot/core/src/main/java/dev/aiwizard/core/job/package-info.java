/** Durable generation jobs: the store, the runner, and the generator and publisher ports they drive. */
package dev.aiwizard.core.job;
