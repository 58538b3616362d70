/** The composition root: {@code Main} wires every module by hand and hosts the web server and the job runner. */
package dev.aiwizard.app;
