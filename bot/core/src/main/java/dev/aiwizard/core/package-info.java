/** The domain of AI Wizard and the ports it needs; depends on nothing of ours. */
package dev.aiwizard.core;
