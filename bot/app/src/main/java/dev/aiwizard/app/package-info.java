/**
 * The composition root: {@code Main} wires every module by hand and hosts the web server (every route registered in
 * one place, {@code HttpRoutes}) and the job runner.
 */
package dev.aiwizard.app;
