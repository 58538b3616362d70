/** What people write, made safe before the engine reads it: hidden characters stripped, pasted secrets removed. */
package dev.aiwizard.core.text;
