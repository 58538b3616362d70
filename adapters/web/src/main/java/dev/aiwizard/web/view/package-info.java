/**
 * What the templates show: one record per page's content, with everything already in words, so the templates only
 * lay it out (and escape it).
 */
package dev.aiwizard.web.view;
