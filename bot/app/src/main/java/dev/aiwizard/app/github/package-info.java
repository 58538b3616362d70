/** GitHub's webhooks: the signed endpoint, and the review loop that turns pull request events into conversation turns. */
package dev.aiwizard.app.github;
