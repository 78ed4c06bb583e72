// Lighthouse (performance, accessibility) on one page of the intranet as a logged-in person, in Debian's
// Chromium. Called by `manage.py run_lighthouse` (make lighthouse):
//   node bench/lighthouse/run.mjs URL > report.json   with LIGHTHOUSE_COOKIE="name=value" and CHROME_PATH.
// The session cookie goes into the browser's cookie jar, so every request of the page carries it as in a real
// visit: Lighthouse's --extra-headers sent it with the page but not with the article's picture (a /media/
// file, which then answered with the login page).
import lighthouse from "lighthouse";
import puppeteer from "puppeteer-core";

const [url] = process.argv.slice(2);
const [name, value] = process.env.LIGHTHOUSE_COOKIE.split(/=(.*)/s);
const browser = await puppeteer.launch({
    executablePath: process.env.CHROME_PATH || "/usr/bin/chromium",
    headless: true,
    args: ["--no-sandbox", "--disable-gpu", "--disable-background-networking"],
});
try {
    const page = await browser.newPage();
    await browser.setCookie({ name, value, url: new URL(url).origin, httpOnly: true });
    const result = await lighthouse(
        url,
        { output: "json", logLevel: "error", onlyCategories: ["performance", "accessibility"] },
        undefined,
        page,
    );
    process.stdout.write(result.report);
} finally {
    await browser.close();
}
