// The Korean edition as built: every Korean page in real Chromium, its language, its shell, and the switch to its English twin and back.
import {expect, test} from "vitest";
import {sidebarPages} from "../../src/components/course/editions.js";
import {openPage, seriousAccessibilityViolations} from "./harness.js";
import {useSite} from "./use-site.js";

const site = useSite();

const koreanPaths = ["/ko/", ...sidebarPages("ko").map((p) => p.path), "/ko/404"];

test.each(koreanPaths)("%s: lang=ko, Korean shell, no errors, failed or external requests, no serious a11y violations", async (path) => {
  const {page, errors, failed, external} = await openPage(site, path);
  await page.waitForSelector("#observablehq-main h1");
  await page.waitForLoadState("networkidle");
  expect(await page.getAttribute("html", "lang")).toBe("ko");
  expect(await page.textContent("#observablehq-main h1")).toMatch(/[\uac00-\ud7a3]/);
  // The sidebar's title leads to the Korean home and the sidebar lists the Korean pages.
  const sidebar = await page.locator("#observablehq-sidebar a").evaluateAll((links) => links.map((a) => [new URL((a as HTMLAnchorElement).href).pathname, a.textContent?.trim()]));
  expect(sidebar[0]).toEqual(["/ko/", "퍼셉트론에서 MNIST까지"]);
  expect(sidebar.slice(1).map(([href]) => href)).toEqual(sidebarPages("ko").map((p) => p.path));
  expect(await page.textContent("#observablehq-footer")).toContain("퍼셉트론에서 MNIST까지 — ");
  expect(await seriousAccessibilityViolations(page)).toEqual([]);
  expect(errors).toEqual([]);
  expect(failed).toEqual([]);
  expect(external).toEqual([]);
  await page.context().close();
});

test("the Korean pager: home → first page, first page ← home, labels in Korean", async () => {
  const home = await openPage(site, "/ko/");
  const next = home.page.locator('#observablehq-footer a[rel="next"]');
  expect(new URL((await next.getAttribute("href"))!, home.page.url()).pathname).toBe("/ko/perceptron");
  expect(await next.evaluate((a) => getComputedStyle(a, "::before").content)).toBe('"다음 페이지"');
  await home.page.context().close();
  const first = await openPage(site, "/ko/perceptron");
  const prev = first.page.locator('#observablehq-footer a[rel="prev"]');
  expect(new URL((await prev.getAttribute("href"))!, first.page.url()).pathname).toBe("/ko/");
  expect(await prev.evaluate((a) => getComputedStyle(a, "::before").content)).toBe('"이전 페이지"');
  expect(await first.page.textContent("#observablehq-toc")).toContain("목차");
  await first.page.context().close();
});

test("both home pages say that the other edition exists", async () => {
  for (const [path, other] of [["/", "/ko/"], ["/ko/", "/"]]) {
    const {page} = await openPage(site, path);
    const link = page.locator(".other-edition a");
    expect(new URL((await link.getAttribute("href"))!, page.url()).pathname).toBe(other);
    await page.context().close();
  }
});

test("the switch is a keyboard link to the twin page that keeps the deep link's query, both ways", async () => {
  const query = "gate=or&w1=1.25&w2=-0.75&b=0.3";
  const {page, errors} = await openPage(site, `/perceptron?${query}`);
  const toKorean = page.locator(".lang-switch a");
  expect(await toKorean.getAttribute("hreflang")).toBe("ko");
  expect(await toKorean.getAttribute("lang")).toBe("ko");
  expect(await toKorean.getAttribute("aria-label")).toBe("한국어: 이 페이지의 한국어판");
  await toKorean.focus();
  await page.keyboard.press("Enter");
  await page.waitForURL(/\/ko\/perceptron\?/);
  expect(new URL(page.url()).search).toBe(`?${query}`);
  expect(await page.getAttribute("html", "lang")).toBe("ko");
  // The Korean page's widgets read the same link.
  await page.waitForSelector(".widget input[type=number]", {state: "attached"});
  expect(await page.locator(".url-notice").count()).toBe(0);
  const toEnglish = page.locator(".lang-switch a");
  expect(await toEnglish.getAttribute("hreflang")).toBe("en");
  await toEnglish.click();
  await page.waitForURL(/\/perceptron\?/);
  expect(new URL(page.url()).pathname).toBe("/perceptron");
  expect(new URL(page.url()).search).toBe(`?${query}`);
  expect(errors).toEqual([]);
  await page.context().close();
});

test("the switch follows settings changed on the page", async () => {
  const {page} = await openPage(site, "/ko/gradient-descent?x0=-2.5");
  await page.waitForSelector(".widget input[type=number]", {state: "attached"});
  // Widgets rewrite the query as settings change; the switch takes whatever the address says when it is used.
  await page.evaluate(() => history.replaceState(null, "", "?x0=1.5&fn=double-well"));
  await page.locator(".lang-switch a").hover();
  expect(new URL((await page.locator(".lang-switch a").getAttribute("href"))!, page.url()).search).toBe("?x0=1.5&fn=double-well");
  // A section link too: the twins' headings share their ids, so it lands on the same section.
  const section = await page.locator("#observablehq-main h2").nth(1).getAttribute("id");
  await page.evaluate((id) => history.replaceState(null, "", `?x0=1.5#${id}`), section);
  await page.locator(".lang-switch a").focus();
  const twin = new URL((await page.locator(".lang-switch a").getAttribute("href"))!, page.url());
  expect([twin.pathname, twin.search, twin.hash]).toEqual(["/gradient-descent", "?x0=1.5", `#${section}`]);
  await page.context().close();
});

test("Korean widgets take the kernel's Korean texts; a bad link gets a Korean notice", async () => {
  const {page, errors} = await openPage(site, "/ko/gradient-descent?x0=abc");
  const notice = page.locator(".url-notice");
  await notice.first().waitFor({timeout: 60_000});
  expect(await notice.first().textContent()).toContain("링크에 담긴 설정 중 일부가 올바르지 않아");
  expect(await page.locator(".widget button", {hasText: "재생"}).count()).toBeGreaterThan(0);
  expect(errors).toEqual([]);
  await page.context().close();
});

test("the Korean home decodes the first MNIST test digits with Korean labels", async () => {
  const {page, errors} = await openPage(site, "/ko/");
  await page.waitForSelector("#mnist-samples .digit-grid figure", {timeout: 30_000});
  expect((await page.locator("#mnist-samples figcaption").allTextContents()).slice(0, 5)).toEqual(["7", "2", "1", "0", "4"]);
  expect(await page.locator("#mnist-samples img").first().getAttribute("alt")).toBe("손글씨 숫자, 정답 7");
  expect(errors).toEqual([]);
  await page.context().close();
});

test("a missing /ko/ address gets the Korean 404 page with working links", async () => {
  const {page} = await openPage(site, "/ko/no/such/page");
  expect(await page.getAttribute("html", "lang")).toBe("ko");
  // Resolved the way the browser follows it: against the page's <base>.
  const home = await page.locator("#observablehq-main p a").evaluate((a) => new URL((a as HTMLAnchorElement).href).pathname);
  expect(home).toBe("/ko/");
  await page.context().close();
});

test("Korean embed pages and modules: Korean texts without the course shell", async () => {
  const {page, errors, failed} = await openPage(site, "/ko/embed/gradient-descent");
  await page.waitForSelector(".widget button", {timeout: 60_000});
  expect(await page.getAttribute("html", "lang")).toBe("ko");
  expect(await page.locator(".lang-switch").count()).toBe(0);
  expect(await page.locator(".widget button", {hasText: "재생"}).count()).toBeGreaterThan(0);
  expect(errors).toEqual([]);
  expect(failed).toEqual([]);
  await page.context().close();
});

test("Hangul renders in the system font stack", async () => {
  const {page} = await openPage(site, "/ko/");
  const family = await page.evaluate(() => getComputedStyle(document.body).fontFamily);
  expect(family).toContain("Apple SD Gothic Neo");
  expect(family).toContain("Noto Sans KR");
  await page.context().close();
});
