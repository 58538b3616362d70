/**
 * Tests in a real browser: Debian's Chromium driven through its chromedriver with Selenium ({@link
 * dev.aiwizard.app.browser.Browser}), the console and the requests of each page ({@link
 * dev.aiwizard.app.browser.BrowserLog}), screenshots that are checked ({@link dev.aiwizard.app.browser.Screenshot}) and
 * the browser's own load timing ({@link dev.aiwizard.app.browser.PageLoad}); and the tests of the pages the bot serves.
 */
package dev.aiwizard.app.browser;
