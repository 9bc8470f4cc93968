import {expect, test} from "vitest";
import {embedModuleUrl, embedUrl, iframeSnippet, moduleSnippet, siteBase} from "../../src/components/course/embed-snippet.js";

test("embed URLs resolve against the site's base and carry the settings", () => {
  expect(embedUrl("https://example.edu/course/instructors", "perceptron", "?w1=1&b=-1.5")).toBe("https://example.edu/course/embed/perceptron?w1=1&b=-1.5");
  expect(embedUrl("http://127.0.0.1:3000/", "gd", "")).toBe("http://127.0.0.1:3000/embed/gd");
});

test("the Korean edition's embed page and module sit under ko/, from either edition's page", () => {
  const fromKorean = siteBase("https://example.edu/course/ko/instructors?x=1", "ko");
  const fromEnglish = siteBase("https://example.edu/course/instructors", "en");
  expect(fromKorean).toBe("https://example.edu/course/");
  expect(fromEnglish).toBe("https://example.edu/course/");
  expect(embedUrl(fromKorean, "perceptron", "w1=1", "ko")).toBe("https://example.edu/course/ko/embed/perceptron?w1=1");
  expect(embedUrl(fromKorean, "perceptron", "w1=1", "en")).toBe("https://example.edu/course/embed/perceptron?w1=1");
  expect(embedModuleUrl(fromEnglish, "mnist", "ko")).toBe("https://example.edu/course/ko/embed/mnist.js");
  expect(embedModuleUrl(fromEnglish, "mnist")).toBe("https://example.edu/course/embed/mnist.js");
});

test("snippets escape what they embed", () => {
  const s = iframeSnippet('https://x/embed/a?q="><script>', 'Title "quoted" <b>');
  expect(s).not.toContain('"><script>');
  expect(s).toContain("&quot;&gt;&lt;script&gt;");
  expect(s).toContain("Title &quot;quoted&quot; &lt;b&gt;");
  expect(s).toContain("event.source === frame.contentWindow");
  expect(moduleSnippet("https://x/embed/a.js", "createAWidget", "n=2")).toContain('createAWidget({search: "?n=2", syncUrl: false, lang: "en"})');
});

test("snippets say which language they embed: the iframe's and the mount's lang, and the module's lang option", () => {
  expect(iframeSnippet("https://x/ko/embed/a", "퍼셉트론", 400, "ko")).toContain('title="퍼셉트론" lang="ko" width="100%" height="400"');
  const module = moduleSnippet("https://x/ko/embed/a.js", "createAWidget", "", "ko");
  expect(module).toContain('<div id="widget" lang="ko"></div>');
  expect(module).toContain('import {createAWidget} from "https://x/ko/embed/a.js";');
  expect(module).toContain('createAWidget({search: "", syncUrl: false, lang: "ko"})');
});
